package com.pretadepenser.creditdesk.app.drift;

import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.Numbers;
import com.pretadepenser.creditdesk.app.common.TaskExecutor;
import com.pretadepenser.creditdesk.app.common.UserMessages;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.monitoring.DriftComparison;
import com.pretadepenser.creditdesk.engine.monitoring.DriftReport;
import com.pretadepenser.creditdesk.engine.monitoring.FeatureDrift;
import com.pretadepenser.creditdesk.engine.monitoring.Stability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drift screen's state: which batch to check against the open dataset's train applicants, the
 * result's verdict and rows in the current language, and the chosen feature's two distributions.
 * The check runs off the FX thread; the latest request wins.
 */
public final class DriftViewModel {
    /** The batch to check. */
    public enum Batch {
        TEST_APPLICANTS, OTHER_DATASET
    }

    /** One feature of the table, its words and figures ready to show. */
    public record Row(String feature, String label, Stability stability, String psi, String stabilityText, String ks,
                      String importance, String missing) {
    }

    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableValue<Workspace> workspace;
    private final ObjectProperty<Batch> batch = new SimpleObjectProperty<>(Batch.TEST_APPLICANTS);
    private final ObjectProperty<Path> otherDataset = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<DriftComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Stability> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DriftComparison.Overlay> overlay = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty canRun = new SimpleBooleanProperty();
    private String batchName = "";
    private int generation;

    public DriftViewModel(TaskExecutor executor, I18n i18n, ObservableValue<Workspace> workspace) {
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        workspace.addListener((obs, old, now) -> clear());
        i18n.localeProperty().addListener((obs, old, now) -> show(comparison.get()));
        selected.addListener((obs, old, now) -> overlay.set(now == null || comparison.get() == null ? null
                : comparison.get().overlay(now.feature())));
        canRun.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> workspace.getValue() != null && !running.get()
                && (batch.get() == Batch.TEST_APPLICANTS || otherDataset.get() != null), workspace, running, batch, otherDataset));
    }

    /** Compares the chosen batch with the open dataset's train applicants. */
    public void run() {
        Workspace open = workspace.getValue();
        if (open == null || !canRun.get()) {
            return;
        }
        int mine = ++generation;
        Batch chosen = batch.get();
        Path other = otherDataset.get();
        running.set(true);
        message.set("");
        String name = chosen == Batch.TEST_APPLICANTS ? i18n.get("drift.batch.testOf", open.dataFolder().getFileName())
                : i18n.get("drift.batch.all", other.getFileName());
        executor.execute(BackgroundTask.of(i18n.get("status.drift"), progress -> {
                    HomeCreditData current = chosen == Batch.TEST_APPLICANTS ? open.data() : LocalDataset.open(other).load();
                    return DriftComparison.run(open.model(), open.data(), DriftComparison.Applicants.TRAIN, open.dataFolder().toString(),
                            current, chosen == Batch.TEST_APPLICANTS ? DriftComparison.Applicants.TEST : DriftComparison.Applicants.ALL,
                            chosen == Batch.TEST_APPLICANTS ? open.dataFolder().toString() : other.toString(), progress);
                })
                .onSuccess(result -> {
                    if (mine == generation) {
                        batchName = name;
                        comparison.set(result);
                        show(result);
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        message.set(UserMessages.of(e, i18n));
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        running.set(false);
                    }
                }));
    }

    private void clear() {
        generation++;
        running.set(false);
        comparison.set(null);
        show(null);
        message.set("");
    }

    private void show(DriftComparison result) {
        Row keep = selected.get();
        if (result == null) {
            verdict.set(null);
            verdictText.set("");
            summary.set("");
            rows.clear();
            selected.set(null);
            return;
        }
        Locale locale = i18n.locale();
        DriftReport report = result.report();
        verdict.set(report.verdict());
        verdictText.set(i18n.get("drift.verdict." + report.verdict().name()));
        summary.set(i18n.get("drift.summary", batchName, report.currentRows(), report.referenceRows(),
                Numbers.format(report.scorePsi(), 3, locale), Numbers.format(report.weightedPsi(), 3, locale),
                report.features(Stability.SIGNIFICANT).size(), report.features(Stability.MODERATE).size(),
                report.features(Stability.STABLE).size()));
        List<Row> made = new ArrayList<>();
        for (FeatureDrift d : report.features()) {
            made.add(new Row(d.name(), FeatureLabels.label(d.name(), locale), d.stability(), Numbers.format(d.psi(), 3, locale),
                    i18n.get("drift.stability." + d.stability().name()), Double.isNaN(d.ks()) ? "\u2013" : Numbers.format(d.ks(), 3, locale),
                    Numbers.format(100 * d.importance(), 1, locale) + " %",
                    Numbers.format(100 * d.referenceMissing(), 1, locale) + " % \u2192 " + Numbers.format(100 * d.currentMissing(), 1, locale) + " %"));
        }
        rows.setAll(made);
        Row again = keep == null ? null : made.stream().filter(r -> r.feature().equals(keep.feature())).findFirst().orElse(null);
        selected.set(again != null ? again : made.isEmpty() ? null : made.get(0));
    }

    /** The name of a bin of the chosen feature's overlay, in the feature's own units, for the chart's axis. */
    public String binLabel(DriftComparison.Overlay o, int bin) {
        if (bin == o.edges().length + (o.levels() ? 0 : 1)) {
            return i18n.get("drift.bin.missing");
        }
        Workspace open = workspace.getValue();
        if (open == null) {
            return String.valueOf(bin);
        }
        HumanValues values = new HumanValues(open.card().details().featureSchema(), i18n.locale());
        if (o.levels()) {
            return values.format(o.feature(), o.edges()[bin]);
        }
        if (bin == 0) {
            return "\u2264 " + values.format(o.feature(), o.edges()[0]);
        }
        if (bin == o.edges().length) {
            return "> " + values.format(o.feature(), o.edges()[bin - 1]);
        }
        return values.format(o.feature(), o.edges()[bin - 1]) + " \u2013 " + values.format(o.feature(), o.edges()[bin]);
    }

    public ObjectProperty<Batch> batchProperty() {
        return batch;
    }

    public ObjectProperty<Path> otherDatasetProperty() {
        return otherDataset;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ObservableValue<Boolean> canRunProperty() {
        return canRun;
    }

    public ReadOnlyObjectProperty<Stability> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<DriftComparison.Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DriftComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
