package com.pretadepenser.creditdesk.app.record;

import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.CreditDeskVersion;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.decisions.DecisionRecord;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Recording the officer's decision on the client or new application on screen: confirm the
 * model's decision, or override it with a written reason of at least
 * {@link DecisionRecord#MIN_REASON_LENGTH} characters (checked as it is typed).
 */
public final class RecordViewModel {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Shell main;
    private final ObservableValue<LoadedClient> client;
    private final DecisionBook book;
    private final I18n i18n;
    private final BooleanProperty override = new SimpleBooleanProperty(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty recording = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final StringBinding validation;
    private final BooleanBinding canRecord;
    private final StringBinding history;

    public RecordViewModel(Shell main, ObservableValue<LoadedClient> client, DecisionBook book) {
        this.main = main;
        this.client = client;
        this.book = book;
        this.i18n = main.i18n();
        validation = Bindings.createStringBinding(() -> {
            int typed = reason.get() == null ? 0 : reason.get().strip().length();
            return override.get() && typed < DecisionRecord.MIN_REASON_LENGTH
                    ? i18n.get("record.reasonShort", typed, DecisionRecord.MIN_REASON_LENGTH) : "";
        }, override, reason, i18n.localeProperty());
        canRecord = Bindings.createBooleanBinding(() -> client.getValue() != null && !recording.get() && validation.get().isEmpty(),
                client, recording, validation);
        history = Bindings.createStringBinding(this::describeHistory, client, book.entries(), i18n.localeProperty());
        client.addListener((obs, old, now) -> {
            if (now == null || old == null || now.id() != old.id() || now.scored() != old.scored()) {
                override.set(false);
                reason.set("");
                outcome.set("");
            }
        });
    }

    /** The model's decision for the client on screen, null when none. */
    public Decision modelDecision() {
        LoadedClient shown = client.getValue();
        return shown == null ? null : shown.scored().score().decision();
    }

    /** The decision an override records: the other one than the model's; null when no client is shown. */
    public Decision overrideDecision() {
        Decision model = modelDecision();
        return model == null ? null : model == Decision.GRANTED ? Decision.REFUSED : Decision.GRANTED;
    }

    /** The decision recorded if the officer goes on: the model's, or the other one when overriding. */
    public Decision finalDecision() {
        return override.get() ? overrideDecision() : modelDecision();
    }

    /** Records the decision (off the FX thread); says "recorded" once the record is on the disk. */
    public void record() {
        if (!canRecord.get()) {
            return;
        }
        LoadedClient shown = client.getValue();
        Workspace workspace = main.workspaceProperty().get();
        DecisionRecord entry = new DecisionRecord(Instant.now().toString(), DecisionRecord.currentUser(), DecisionRecord.currentMachine(),
                shown.id() == com.pretadepenser.creditdesk.app.newapp.NewApplicationViewModel.NEW_CLIENT_ID ? null : shown.id(),
                shown.id() == com.pretadepenser.creditdesk.app.newapp.NewApplicationViewModel.NEW_CLIENT_ID ? inputs(shown.application()) : null,
                workspace.dataFolder().getFileName().toString(), workspace.manifestHash(), workspace.card().details().name(),
                workspace.card().details().modelFile().sha256(), shown.scored().score().probability(), shown.scored().score().threshold(),
                modelDecision(), finalDecision(), override.get() ? reason.get() : null, reasons(shown.explanation()),
                CreditDeskVersion.get());
        recording.set(true);
        main.run(book.append(entry).onSuccess(done -> {
            outcome.set(i18n.get("record.done", done.seq(), done.hash().substring(0, 12)));
            override.set(false);
            reason.set("");
        }).onDone(() -> recording.set(false)));
    }

    /** The principal reasons shown: the factors raising the risk, then those lowering it, as the screen words them. */
    static List<String> reasons(Explanation explanation) {
        List<String> reasons = new ArrayList<>();
        for (Explanation.Reason r : explanation.raising()) {
            reasons.add("+ " + said(r));
        }
        for (Explanation.Reason r : explanation.lowering()) {
            reasons.add("- " + said(r));
        }
        return reasons;
    }

    private static String said(Explanation.Reason r) {
        return r.familyLabel() + " (" + (r.featureLabel().isEmpty() ? "" : r.featureLabel() + ": ") + r.value() + ")";
    }

    /** A new application's inputs as typed, by column (the missing ones left out). */
    static Map<String, String> inputs(Application application) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String column : new java.util.TreeSet<>(application.numberColumns())) {
            double value = application.number(column);
            if (!Double.isNaN(value) && !column.equals("SK_ID_CURR")) {
                inputs.put(column, value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
            }
        }
        for (String column : new java.util.TreeSet<>(application.textColumns())) {
            application.text(column).filter(t -> !t.isEmpty()).ifPresent(t -> inputs.put(column, t));
        }
        return inputs;
    }

    private String describeHistory() {
        LoadedClient shown = client.getValue();
        if (shown == null || shown.id() == com.pretadepenser.creditdesk.app.newapp.NewApplicationViewModel.NEW_CLIENT_ID) {
            return "";
        }
        List<DecisionLog.Entry> mine = book.entries().stream().filter(e -> Integer.valueOf(shown.id()).equals(e.record().clientId())).toList();
        if (mine.isEmpty()) {
            return i18n.get("record.none");
        }
        DecisionRecord last = mine.get(mine.size() - 1).record();
        return i18n.get("record.last", mine.size(), SHOWN.format(Instant.parse(last.time())), last.osUser(),
                label(last.finalDecision()),
                last.overridden() ? i18n.get("record.wasOverride") : i18n.get("record.wasConfirm"));
    }

    public BooleanProperty overrideProperty() {
        return override;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringBinding validationProperty() {
        return validation;
    }

    public BooleanBinding canRecordProperty() {
        return canRecord;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public StringBinding historyProperty() {
        return history;
    }

    public ObservableValue<LoadedClient> client() {
        return client;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The label of a decision in the current language, as the screen shows decisions. */
    public String label(Decision decision) {
        return decision == null ? "" : i18n.get("decision." + decision.name().toLowerCase(Locale.ROOT));
    }
}
