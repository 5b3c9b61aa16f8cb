package com.pretadepenser.creditdesk.app.record;

import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.decisions.DecisionRecord;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The app's side of the decision log: its records for the screens (on the FX thread), the chain's
 * state as a warning, and the tasks that read and append off the FX thread.
 */
public final class DecisionBook {
    private final DecisionLog log;
    private final I18n i18n;
    private final ObservableList<DecisionLog.Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");

    public DecisionBook(DecisionLog log, I18n i18n) {
        this.log = log;
        this.i18n = i18n;
    }

    /** What reading the log found: its records, its check, and a torn line set aside. */
    record Read(List<DecisionLog.Entry> entries, DecisionLog.Check check, Optional<DecisionLog.TornTail> torn) {
    }

    /** Sets aside a torn last line (when the log exists), checks the chain and reads the records. */
    public BackgroundTask<?> load() {
        return BackgroundTask.of(i18n.get("record.reading"), progress -> {
            Optional<DecisionLog.TornTail> torn = java.nio.file.Files.exists(log.file()) ? log.open() : Optional.empty();
            DecisionLog.Check check = log.verify();
            return new Read(log.entries(), check, torn);
        }).onSuccess(read -> {
            entries.setAll(read.entries());
            if (!read.check().whole()) {
                warning.set(i18n.get("record.broken", log.file(), read.check().message()));
            } else if (read.torn().isPresent()) {
                warning.set(i18n.get("record.torn", read.torn().get().bytes(), read.torn().get().movedTo()));
            } else {
                warning.set("");
            }
        });
    }

    /** Appends a record; on success the entry joins the list. */
    public BackgroundTask<DecisionLog.Entry> append(DecisionRecord record) {
        return BackgroundTask.of(i18n.get("record.recording"), progress -> log.append(record)).onSuccess(entries::add);
    }

    public ObservableList<DecisionLog.Entry> entries() {
        return entries;
    }

    /** Empty while the log is whole; else what is wrong with it (a broken chain, a torn line set aside). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public DecisionLog log() {
        return log;
    }
}
