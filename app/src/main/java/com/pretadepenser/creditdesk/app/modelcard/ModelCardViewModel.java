package com.pretadepenser.creditdesk.app.modelcard;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.Numbers;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The model page: what the card says, as labelled values and lines in the current language. */
public final class ModelCardViewModel {
    /** A named value of the card. */
    public record Entry(String label, String value) {
    }

    /** One group's fairness figures, ready to show; {@code impact} is the ratio itself, for the chart. */
    public record FairnessRow(String attribute, String group, String clients, String approval, String defaultRate,
                              String falsePositives, String falseNegatives, String auc, String impactText, double impact,
                              boolean belowFourFifths) {
    }

    private final I18n i18n;
    private final ObservableValue<ModelCard> card;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ObservableList<Entry> metrics = FXCollections.observableArrayList();
    private final ObservableList<Entry> training = FXCollections.observableArrayList();
    private final ObservableList<String> usage = FXCollections.observableArrayList();
    private final ObservableList<FairnessRow> fairness = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fairnessNote = new ReadOnlyStringWrapper("");

    public ModelCardViewModel(I18n i18n, ObservableValue<ModelCard> card) {
        this.i18n = i18n;
        this.card = card;
        card.addListener((obs, old, now) -> refresh());
        i18n.localeProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public ObservableValue<ModelCard> card() {
        return card;
    }

    private void refresh() {
        ModelCard model = card.getValue();
        if (model == null) {
            heading.set("");
            metrics.clear();
            training.clear();
            usage.clear();
            fairness.clear();
            fairnessNote.set("");
            return;
        }
        Locale locale = i18n.locale();
        heading.set(i18n.get("model.heading", model.details().name(), model.details().trainedAt().substring(0, Math.min(10, model.details().trainedAt().length())),
                model.details().features().size(), model.details().rounds()));
        Metrics m = model.evaluation().metrics();
        List<Entry> rows = new ArrayList<>();
        rows.add(new Entry(i18n.get("model.metric.auc"), Numbers.format(m.rocAuc(), 3, locale)));
        rows.add(new Entry(i18n.get("model.metric.prAuc"), Numbers.format(m.prAuc(), 3, locale)));
        rows.add(new Entry(i18n.get("model.metric.brier"), Numbers.format(m.brier(), 4, locale)));
        rows.add(new Entry(i18n.get("model.metric.logLoss"), Numbers.format(m.logLoss(), 4, locale)));
        rows.add(new Entry(i18n.get("model.metric.ks"), Numbers.format(m.ks(), 3, locale)));
        rows.add(new Entry(i18n.get("model.metric.threshold"), Numbers.format(100 * model.evaluation().threshold(), 1, locale) + " %"));
        rows.add(new Entry(i18n.get("model.metric.recall"), Numbers.format(100 * m.recall(), 1, locale) + " %"));
        rows.add(new Entry(i18n.get("model.metric.precision"), Numbers.format(100 * m.precision(), 1, locale) + " %"));
        rows.add(new Entry(i18n.get("model.metric.fbeta", Numbers.format(m.beta(), 0, locale)), Numbers.format(m.fBeta(), 3, locale)));
        rows.add(new Entry(i18n.get("model.metric.costs"), i18n.get("model.costsValue",
                Numbers.format(model.evaluation().costs().falseNegative(), 0, locale), Numbers.format(model.evaluation().costs().falsePositive(), 0, locale))));
        rows.add(new Entry(i18n.get("model.metric.imbalance"), model.training().imbalance() == null ? "" : model.training().imbalance().chosen()));
        metrics.setAll(rows);

        List<Entry> data = new ArrayList<>();
        ModelCard.TrainingData t = model.training().trainingData();
        if (t != null) {
            data.add(new Entry(i18n.get("model.data.dataset"), t.dataset() + (t.synthetic() ? " \u2014 " + i18n.get("demo.badge") : "")));
            data.add(new Entry(i18n.get("model.data.labelled"), Numbers.format(t.labelledRows(), 0, locale)));
            data.add(new Entry(i18n.get("model.data.defaultRate"), Numbers.format(100 * t.defaultRate(), 1, locale) + " %"));
            for (ModelCard.Source source : t.sources()) {
                data.add(new Entry(source.file(), i18n.get("model.data.rows", Numbers.format(source.rows(), 0, locale))));
            }
        }
        training.setAll(data);
        List<String> lines = new ArrayList<>();
        if (model.usage() != null) {
            lines.add(i18n.get("model.usage.intended", model.usage().intendedUse()));
            model.usage().outOfScope().forEach(s -> lines.add(i18n.get("model.usage.outOfScope", s)));
            model.usage().limitations().forEach(s -> lines.add(i18n.get("model.usage.limitation", s)));
        }
        usage.setAll(lines);

        Fairness f = model.evaluation().fairness();
        List<FairnessRow> groups = new ArrayList<>();
        if (f != null) {
            for (Fairness.Attribute attribute : f.attributes()) {
                for (Fairness.Group g : attribute.groups()) {
                    groups.add(new FairnessRow(i18n.get("model.fairness.attribute." + attribute.name()),
                            i18n.has("model.fairness.group." + g.group()) ? i18n.get("model.fairness.group." + g.group()) : g.group(),
                            Numbers.format(g.count(), 0, locale), percent(g.approvalRate(), locale), percent(g.defaultRate(), locale),
                            percent(g.falsePositiveRate(), locale), percent(g.falseNegativeRate(), locale),
                            Double.isNaN(g.auc()) ? "\u2013" : Numbers.format(g.auc(), 3, locale),
                            Double.isNaN(g.disparateImpact()) ? "\u2013" : Numbers.format(g.disparateImpact(), 2, locale),
                            g.disparateImpact(), !g.meetsFourFifths()));
                }
            }
        }
        fairness.setAll(groups);
        fairnessNote.set(f == null ? i18n.get("model.fairness.absent") : i18n.get("model.fairness.note"));
    }

    private static String percent(double rate, Locale locale) {
        return Double.isNaN(rate) ? "\u2013" : Numbers.format(100 * rate, 1, locale) + " %";
    }

    /** Out-of-fold fairness by gender and age band at the threshold; empty for a card written before it was recorded. */
    public ObservableList<FairnessRow> fairness() {
        return fairness;
    }

    public ReadOnlyStringProperty fairnessNoteProperty() {
        return fairnessNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ObservableList<Entry> metrics() {
        return metrics;
    }

    public ObservableList<Entry> training() {
        return training;
    }

    public ObservableList<String> usage() {
        return usage;
    }
}
