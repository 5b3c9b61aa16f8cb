package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import com.pretadepenser.creditdesk.engine.scoring.Score;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the decision panel shows of a client: probability against threshold, the decision and its
 * margin, the risk band, the waterfall of contributions (by factor or by feature), the principal
 * reasons as sentences, and the model's global importance. Follows any client source: the one
 * searched, or the what-if copy.
 */
public final class DecisionViewModel {
    public static final int WATERFALL_STEPS = 8;
    public static final int IMPORTANCE_SHOWN = 12;

    private final I18n i18n;
    private final ObservableValue<LoadedClient> source;
    private final ObservableValue<ModelCard> card;
    private final ReadOnlyDoubleWrapper probability = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper threshold = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<Decision> decision = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RiskBand> band = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper probabilityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decisionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper marginText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Waterfall> waterfall = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Waterfall.Mode> mode = new SimpleObjectProperty<>(Waterfall.Mode.FAMILIES);
    private final ObservableList<String> raising = FXCollections.observableArrayList();
    private final ObservableList<String> lowering = FXCollections.observableArrayList();
    private final ObservableList<Importance> importance = FXCollections.observableArrayList();

    /**
     * A feature's weight in the model's decisions: mean |contribution| over the dataset, and that
     * as a share of the sum over all features (what the chart shows: log-odds mean nothing to an officer).
     */
    public record Importance(String label, double meanAbsContribution, double share) {
    }

    public DecisionViewModel(I18n i18n, ObservableValue<LoadedClient> source, ObservableValue<ModelCard> card) {
        this.i18n = i18n;
        this.source = source;
        this.card = card;
        source.addListener((obs, old, now) -> refresh());
        card.addListener((obs, old, now) -> refreshImportance());
        mode.addListener((obs, old, now) -> refresh());
        i18n.localeProperty().addListener((obs, old, now) -> {
            refresh();
            refreshImportance();
        });
        refresh();
        refreshImportance();
    }

    private void refresh() {
        LoadedClient client = source.getValue();
        if (client == null) {
            probability.set(Double.NaN);
            probabilityText.set("");
            decisionText.set("");
            marginText.set("");
            summary.set("");
            waterfall.set(null);
            raising.clear();
            lowering.clear();
            decision.set(null);
            band.set(null);
            return;
        }
        Explanation explanation = client.explanation();
        Score score = explanation.score();
        threshold.set(score.threshold());
        probability.set(score.probability());
        decision.set(score.decision());
        band.set(score.band());
        probabilityText.set(i18n.get("decision.probability", 100 * score.probability()));
        decisionText.set(i18n.get(score.decision() == Decision.GRANTED ? "decision.granted" : "decision.refused"));
        marginText.set(i18n.get(score.decision() == Decision.GRANTED ? "decision.marginBelow" : "decision.marginAbove",
                Math.abs(100 * score.margin()), 100 * score.threshold(), i18n.get("band." + score.band().name())));
        summary.set(explanation.summary());
        raising.setAll(explanation.raising().stream().map(this::sentence).toList());
        lowering.setAll(explanation.lowering().stream().map(this::sentence).toList());
        ModelCard model = card.getValue();
        HumanValues values = new HumanValues(model.details().featureSchema(), i18n.locale());
        waterfall.set(Waterfall.of(explanation, mode.get(), WATERFALL_STEPS, i18n.get("waterfall.others"), values, i18n.locale()));
    }

    private String sentence(Explanation.Reason reason) {
        return reason.featureLabel().isEmpty() ? i18n.get("reason.lineAbsent", reason.familyLabel(), reason.value())
                : i18n.get("reason.line", reason.familyLabel(), reason.featureLabel(), reason.value());
    }

    private void refreshImportance() {
        ModelCard model = card.getValue();
        if (model == null) {
            importance.clear();
            return;
        }
        List<Importance> rows = new ArrayList<>();
        double total = model.details().globalImportance().values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, Double> entry : model.details().globalImportance().entrySet()) {
            rows.add(new Importance(FeatureLabels.label(entry.getKey(), i18n.locale()), entry.getValue(), entry.getValue() / total));
            if (rows.size() == IMPORTANCE_SHOWN) {
                break;
            }
        }
        importance.setAll(rows);
    }

    public ObjectProperty<Waterfall.Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyDoubleProperty probabilityProperty() {
        return probability.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Decision> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RiskBand> bandProperty() {
        return band.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty probabilityTextProperty() {
        return probabilityText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decisionTextProperty() {
        return decisionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty marginTextProperty() {
        return marginText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Waterfall> waterfallProperty() {
        return waterfall.getReadOnlyProperty();
    }

    public ObservableList<String> raising() {
        return raising;
    }

    public ObservableList<String> lowering() {
        return lowering;
    }

    public ObservableList<Importance> importance() {
        return importance;
    }
}
