package com.pretadepenser.creditdesk.app.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.scoring.GaugeScale;
import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.scoring.GaugeScale;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.Test;

class DecisionViewModelTest {
    private static DecisionViewModel decisionOf(MainViewModel main) {
        return new DecisionViewModel(main.i18n(), main.clientProperty(),
                Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));
    }

    @Test
    void showsProbabilityDecisionAndMarginAgainstTheThreshold() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);
        double p = main.clientProperty().get().probability();

        assertEquals(p, decision.probabilityProperty().get(), 0);
        assertEquals(DemoWorkspace.get().model().threshold(), decision.thresholdProperty().get(), 0);
        assertEquals(Decision.REFUSED, decision.decisionProperty().get());
        double threshold = DemoWorkspace.get().model().threshold();
        RiskBand band = RiskBand.of(p, threshold);
        assertEquals(band, decision.bandProperty().get());
        assertEquals("REFUSED", decision.decisionTextProperty().get());
        assertEquals(String.format(Locale.ENGLISH, "%.1f %%", 100 * p), decision.probabilityTextProperty().get());
        assertEquals(String.format(Locale.ENGLISH, "%.1f points above the %.1f %% threshold \u00b7 risk: %s", 100 * (p - threshold),
                100 * threshold, main.i18n().get("band." + band.name())), decision.marginTextProperty().get());
    }

    @Test
    void followsTheClientAndTheLanguage() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);

        main.load(DemoWorkspace.GRANTED_CLIENT);
        assertEquals("GRANTED", decision.decisionTextProperty().get());
        assertTrue(decision.marginTextProperty().get().contains("below the " + DemoWorkspace.percent(DemoWorkspace.get().model().threshold())
                + " threshold"), decision.marginTextProperty().get());

        main.i18n().setLocale(Locale.FRENCH);
        assertEquals("ACCORD\u00c9E", decision.decisionTextProperty().get());
        assertTrue(decision.summaryProperty().get().startsWith("La demande est accept\u00e9e"), decision.summaryProperty().get());
    }

    @Test
    void reasonsAreAtMostFourEachWayAndNameTheClientsValue() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);

        assertTrue(decision.raising().size() >= 1 && decision.raising().size() <= 4);
        assertTrue(decision.lowering().size() <= 4);
        var reasons = main.clientProperty().get().explanation().raising();
        var values = new HumanValues(DemoWorkspace.get().card().details().featureSchema(), Locale.ENGLISH);
        for (int i = 0; i < reasons.size(); i++) {
            var reason = reasons.get(i);
            double value = main.clientProperty().get().explanation().features().stream()
                    .filter(c -> c.feature().equals(reason.feature())).findFirst().orElseThrow().value();
            assertEquals(reason.familyLabel() + ": " + FeatureLabels.label(reason.feature(), Locale.ENGLISH) + " = " + values.format(reason.feature(), value),
                    decision.raising().get(i), "family, the feature in words and the client's value in its unit");
            assertTrue(!decision.raising().get(i).contains("NaN") && !decision.raising().get(i).contains(reason.feature()), decision.raising().get(i));
        }
    }

    @Test
    void waterfallRunsFromTheBaseRateToTheClientsProbability() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);
        var client = main.clientProperty().get();

        for (Waterfall.Mode mode : Waterfall.Mode.values()) {
            decision.modeProperty().set(mode);
            Waterfall w = decision.waterfallProperty().get();
            assertEquals(1 / (1 + Math.exp(-client.explanation().bias())), w.base(), 1e-12);
            int parts = mode == Waterfall.Mode.FAMILIES ? client.explanation().families().size() : client.explanation().features().size();
            boolean others = parts > DecisionViewModel.WATERFALL_STEPS;
            assertEquals(Math.min(parts, DecisionViewModel.WATERFALL_STEPS) + (others ? 1 : 0), w.steps().size(), "top steps, then all others if any");
            double at = w.base();
            for (Waterfall.Step step : w.steps()) {
                assertEquals(at, step.from(), 1e-12);
                at = step.to();
            }
            assertEquals(client.probability(), at, 1e-9);
            assertEquals(client.probability(), w.probability(), 1e-9);
            assertEquals(others, "All other factors".equals(w.steps().get(w.steps().size() - 1).label()), mode.name());
        }
    }

    @Test
    void featureViewLabelsEachFeatureWithTheClientsValue() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);
        String familyFirst = decision.waterfallProperty().get().steps().get(0).label();

        decision.modeProperty().set(Waterfall.Mode.FEATURES);

        Waterfall.Step first = decision.waterfallProperty().get().steps().get(0);
        assertNotEquals(familyFirst, first.label());
        var top = main.clientProperty().get().explanation().features().stream()
                .max(java.util.Comparator.comparingDouble(c -> Math.abs(c.contribution()))).orElseThrow();
        assertEquals(FeatureLabels.label(top.feature(), Locale.ENGLISH), first.label(), "the largest contribution first");
        assertEquals(new HumanValues(DemoWorkspace.get().card().details().featureSchema(), Locale.ENGLISH).format(top.feature(), top.value()), first.value());
        assertEquals(top.contribution() > 0, first.raises());
    }

    @Test
    void globalImportanceListsTheModelsTopFeaturesLargestFirst() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DecisionViewModel decision = decisionOf(main);

        assertEquals(DecisionViewModel.IMPORTANCE_SHOWN, decision.importance().size());
        for (int i = 1; i < decision.importance().size(); i++) {
            assertTrue(decision.importance().get(i - 1).meanAbsContribution() >= decision.importance().get(i).meanAbsContribution());
        }
    }

    @Test
    void gaugeScaleSpreadsLowProbabilitiesAndKeepsTheEnds() {
        assertEquals(0, GaugeScale.position(0));
        assertEquals(1, GaugeScale.position(1));
        assertEquals(0.3, GaugeScale.position(0.09), 1e-12);
        assertEquals(180, GaugeView.angle(0));
        assertEquals(0, GaugeView.angle(1));
        assertTrue(GaugeScale.position(0.05) < GaugeScale.position(0.1), "monotone");
    }
}
