package com.pretadepenser.creditdesk.app.whatif;

import com.pretadepenser.creditdesk.app.form.ChoiceField;
import com.pretadepenser.creditdesk.app.form.EditableField;
import com.pretadepenser.creditdesk.app.client.ClientFacts;
import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.TaskExecutor;
import com.pretadepenser.creditdesk.app.common.UserMessages;
import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What-if: the client's application fields, editable; every valid edit rescores through the
 * same feature path and updates the what-if client (gauge, decision, waterfall), then looks for
 * up to three changes, each of a different lever, that would grant it (the engine's
 * {@link com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch}); the officer may apply one.
 */
public final class WhatIfViewModel {
    private final Shell main;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final List<EditableField> fields = List.of(
            new EditableField("AMT_CREDIT", "field.credit", EditableField.Kind.AMOUNT, true),
            new EditableField("AMT_ANNUITY", "field.annuity", EditableField.Kind.AMOUNT, true),
            new EditableField("AMT_GOODS_PRICE", "field.goods", EditableField.Kind.AMOUNT, false),
            new EditableField("AMT_INCOME_TOTAL", "field.income", EditableField.Kind.AMOUNT, true),
            new EditableField("CNT_CHILDREN", "field.children", EditableField.Kind.COUNT, false),
            new EditableField("CNT_FAM_MEMBERS", "field.family", EditableField.Kind.COUNT, false),
            new EditableField("DAYS_EMPLOYED", "field.yearsEmployed", EditableField.Kind.YEARS, false),
            new EditableField("EXT_SOURCE_1", "field.ext1", EditableField.Kind.SCORE, false),
            new EditableField("EXT_SOURCE_2", "field.ext2", EditableField.Kind.SCORE, false),
            new EditableField("EXT_SOURCE_3", "field.ext3", EditableField.Kind.SCORE, false));
    private final javafx.collections.ObservableList<ChoiceField> choices = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LoadedClient> edited = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    private final javafx.collections.ObservableList<Suggestion> suggestions = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<Suggestion> suggestionsView =
            javafx.collections.FXCollections.unmodifiableObservableList(suggestions);
    private final ReadOnlyBooleanWrapper suggestionApplicable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private Counterfactual.Search lastSearch;
    private boolean resetting;
    private long generation;
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(true);
    private LoadedClient pendingSearch;
    private boolean searching;
    private LoadedClient queuedSearch;
    private long queuedGeneration;

    public WhatIfViewModel(Shell main) {
        this.main = main;
        this.executor = main.executor();
        this.i18n = main.i18n();
        for (EditableField field : fields) {
            field.textProperty().addListener((obs, old, now) -> {
                if (!resetting) {
                    rescore();
                }
            });
        }
        main.workspaceProperty().addListener((obs, old, now) -> fillChoices(now));
        fillChoices(main.workspaceProperty().get());
        main.clientProperty().addListener((obs, old, now) -> {
            if (old != null && now != null && old.id() == now.id() && old.scored() == now.scored()) {
                relabel(); // the same client re-explained in another language: keep the officer's edits
            } else {
                reset();
            }
        });
        active.addListener((obs, old, now) -> {
            if (now && pendingSearch != null) {
                LoadedClient client = pendingSearch;
                pendingSearch = null;
                searchCounterfactual(client, generation);
            }
        });
        reset();
    }

    /** Whether the what-if is on screen: while not, the counterfactual search waits until it is. */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** The categories an officer may change with the client: contract, income type, family status, education, housing. */
    private void fillChoices(Workspace workspace) {
        if (workspace == null) {
            choices.clear();
            return;
        }
        var schema = workspace.card().details().featureSchema();
        List<ChoiceField> fields = List.of(ChoiceField.of(schema, "NAME_CONTRACT_TYPE", "field.contractType", false),
                ChoiceField.of(schema, "NAME_INCOME_TYPE", "field.incomeType", false),
                ChoiceField.of(schema, "NAME_FAMILY_STATUS", "field.familyStatus", false),
                ChoiceField.of(schema, "NAME_EDUCATION_TYPE", "field.education", false),
                ChoiceField.of(schema, "NAME_HOUSING_TYPE", "field.housing", false));
        for (ChoiceField field : fields) {
            field.valueProperty().addListener((obs, old, now) -> {
                if (!resetting) {
                    rescore();
                }
            });
        }
        choices.setAll(fields);
    }

    public javafx.collections.ObservableList<ChoiceField> choices() {
        return choices;
    }

    public List<EditableField> fields() {
        return fields;
    }

    /** Back to the client's own application. */
    public void reset() {
        LoadedClient original = main.clientProperty().get();
        resetting = true;
        try {
            for (EditableField field : fields) {
                field.show(original == null ? Double.NaN : ClientFacts.number(original.application(), field.column()), i18n);
            }
            for (ChoiceField choice : choices) {
                choice.valueProperty().set(original == null ? null : ClientFacts.text(original.application(), choice.column()));
            }
        } finally {
            resetting = false;
        }
        changed.set(false);
        edited.set(original);
        comparison.set("");
        if (original != null) {
            searchCounterfactual(original, ++generation);
        } else {
            clearSuggestions();
        }
    }

    private void clearSuggestions() {
        lastSearch = null;
        suggestion.set("");
        suggestions.clear();
        suggestionApplicable.set(false);
    }

    /** After a language switch: the fields rewritten in the new number format, the edited client re-explained. */
    private void relabel() {
        resetting = true;
        try {
            fields.forEach(f -> f.reshow(i18n));
        } finally {
            resetting = false;
        }
        if (changed.get()) {
            rescore();
        } else {
            edited.set(main.clientProperty().get());
            LoadedClient original = main.clientProperty().get();
            if (original != null) {
                searchCounterfactual(original, ++generation);
            }
        }
    }

    /** One change that would grant, as the officer reads it: its sentence, and whether it takes time. */
    public record Suggestion(String text, boolean longerTerm) {
    }

    /** Puts the first suggestion's values into the fields, which rescores them. */
    public void applySuggestion() {
        applySuggestion(0);
    }

    /** Puts suggestion {@code index}'s values into the fields, which rescores them. */
    public void applySuggestion(int index) {
        if (lastSearch == null || index < 0 || index >= lastSearch.suggestions().size()) {
            return;
        }
        Counterfactual chosen = lastSearch.suggestions().get(index);
        resetting = true;
        try {
            for (Map.Entry<String, double[]> change : chosen.changes().entrySet()) {
                fields.stream().filter(f -> f.column().equals(change.getKey())).findFirst()
                        .ifPresent(f -> f.show(change.getValue()[1], i18n));
            }
        } finally {
            resetting = false;
        }
        rescore();
    }

    private void rescore() {
        LoadedClient original = main.clientProperty().get();
        if (original == null) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean valid = true;
        for (EditableField field : fields) {
            OptionalDouble raw = field.raw(i18n);
            if (raw.isEmpty()) {
                valid = false;
            } else {
                values.put(field.column(), raw.getAsDouble());
            }
        }
        if (!valid) {
            return;
        }
        for (ChoiceField choice : choices) {
            if (choice.valueProperty().get() != null) {
                values.put(choice.column(), choice.valueProperty().get());
            }
        }
        Application application = original.application().with(values);
        long mine = ++generation;
        BackgroundTask<LoadedClient> task = main.rescore(original.id(), application);
        executor.execute(task.onSuccess(rescored -> {
            if (mine != generation) {
                return;
            }
            LoadedClient withOutcome = new LoadedClient(rescored.id(), rescored.application(), rescored.scored(), rescored.explanation(),
                    original.outcome(), original.history());
            edited.set(withOutcome);
            changed.set(true);
            comparison.set(i18n.get("whatif.comparison", 100 * original.probability(), 100 * rescored.probability(),
                    100 * (rescored.probability() - original.probability())));
            searchCounterfactual(withOutcome, mine);
        }).onFailure(e -> {
            if (mine == generation) {
                comparison.set(UserMessages.of(e, i18n));
            }
        }));
    }

    private void searchCounterfactual(LoadedClient client, long mine) {
        if (!active.get()) {
            // the search scores the application dozens of times: only for a what-if on screen
            pendingSearch = client;
            clearSuggestions();
            return;
        }
        Workspace workspace = main.workspaceProperty().get();
        if (workspace == null) {
            return;
        }
        if (searching) {
            // one search at a time: a search scores the application dozens of times, and typing
            // asks for one per keystroke; only the latest request is run when the current one ends
            queuedSearch = client;
            queuedGeneration = mine;
            return;
        }
        searching = true;
        Application application = client.application();
        executor.execute(BackgroundTask.of(i18n.get("status.counterfactual"), progress -> workspace.counterfactuals().search(application))
                .onDone(() -> {
                    searching = false;
                    if (queuedSearch != null) {
                        LoadedClient next = queuedSearch;
                        queuedSearch = null;
                        searchCounterfactual(next, queuedGeneration);
                    }
                })
                .onSuccess(search -> {
                    if (mine == generation) {
                        describe(search);
                    }
                })
                .onFailure(e -> {
                    if (mine == generation && main.workspaceProperty().get() == workspace) {
                        suggestion.set(UserMessages.of(e, i18n));
                    }
                }));
    }

    private void describe(Counterfactual.Search search) {
        lastSearch = search;
        suggestionApplicable.set(!search.suggestions().isEmpty());
        suggestion.set(search.verdict().map(v -> v.format(i18n.locale())).orElse(i18n.get("whatif.suggestions")));
        suggestions.setAll(search.suggestions().stream()
                .map(c -> new Suggestion(c.sentence().format(i18n.locale()), c.lever().longerTerm())).toList());
    }

    /** The changes that would grant the what-if application, smallest first, actionable before longer-term ones. */
    public javafx.collections.ObservableList<Suggestion> suggestions() {
        return suggestionsView;
    }

    public ReadOnlyObjectProperty<LoadedClient> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty suggestionApplicableProperty() {
        return suggestionApplicable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
