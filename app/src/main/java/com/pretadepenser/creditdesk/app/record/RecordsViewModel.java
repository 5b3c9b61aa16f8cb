package com.pretadepenser.creditdesk.app.record;

import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.engine.decisions.DecisionCsv;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

/** The records screen: the log's records, filtered by client, officer, dates and overrides, and their export to CSV. */
public final class RecordsViewModel {
    private final Shell main;
    private final DecisionBook book;
    private final StringProperty client = new SimpleStringProperty("");
    private final StringProperty officer = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty overridesOnly = new SimpleBooleanProperty(false);
    private final FilteredList<DecisionLog.Entry> shown;
    private final StringBinding summary;

    public RecordsViewModel(Shell main, DecisionBook book) {
        this.main = main;
        this.book = book;
        shown = new FilteredList<>(book.entries());
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> this::matches, client, officer, from, to, overridesOnly));
        summary = Bindings.createStringBinding(() -> main.i18n().get("records.summary", shown.size(), book.entries().size(), book.log().file()),
                shown, book.entries(), main.i18n().localeProperty());
    }

    boolean matches(DecisionLog.Entry entry) {
        var r = entry.record();
        String wantedClient = client.get() == null ? "" : client.get().strip();
        if (!wantedClient.isEmpty() && (r.clientId() == null || !String.valueOf(r.clientId()).startsWith(wantedClient))) {
            return false;
        }
        String wantedOfficer = officer.get() == null ? "" : officer.get().strip().toLowerCase(Locale.ROOT);
        if (!wantedOfficer.isEmpty() && (r.osUser() == null || !r.osUser().toLowerCase(Locale.ROOT).contains(wantedOfficer))) {
            return false;
        }
        LocalDate day = Instant.parse(r.time()).atZone(ZoneId.systemDefault()).toLocalDate();
        if (from.get() != null && day.isBefore(from.get()) || to.get() != null && day.isAfter(to.get())) {
            return false;
        }
        return !overridesOnly.get() || r.overridden();
    }

    /** Writes the records shown (the filters applied) to {@code out}, off the FX thread. */
    public void export(Path out) {
        List<DecisionLog.Entry> rows = List.copyOf(shown);
        main.run(BackgroundTask.of(main.i18n().get("status.exporting", out.getFileName()), progress -> {
            DecisionCsv.write(rows, out);
            return rows.size();
        }).onSuccess(count -> main.showStatus(main.i18n().get("records.exported", count, out))));
    }

    /** Reads the log again (another window or the command line may have recorded). */
    public void reload() {
        main.run(book.load());
    }

    public FilteredList<DecisionLog.Entry> shown() {
        return shown;
    }

    public StringProperty clientProperty() {
        return client;
    }

    public StringProperty officerProperty() {
        return officer;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty overridesOnlyProperty() {
        return overridesOnly;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public DecisionBook book() {
        return book;
    }
}
