package com.pretadepenser.creditdesk.app.modelcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.common.I18n;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ModelCardViewModelTest {
    @Test
    void showsTheCardsMetricsThresholdAndData() {
        var card = DemoWorkspace.get().card();
        ModelCardViewModel model = new ModelCardViewModel(new I18n(Locale.ENGLISH), new SimpleObjectProperty<>(card));

        Map<String, String> metrics = model.metrics().stream().collect(Collectors.toMap(ModelCardViewModel.Entry::label, ModelCardViewModel.Entry::value));
        assertEquals(String.format(Locale.ENGLISH, "%.3f", card.evaluation().metrics().rocAuc()), metrics.get("ROC AUC"));
        assertEquals(com.pretadepenser.creditdesk.app.DemoWorkspace.percent(card.evaluation().threshold()), metrics.get("Decision threshold"));
        assertEquals("missed default 10, refused good client 1", metrics.get("Costs"));
        assertTrue(model.headingProperty().get().startsWith("Model \u201cdefault\u201d, trained 2026-"), model.headingProperty().get());
        assertTrue(model.training().stream().anyMatch(e -> e.label().equals("application_train.csv") && e.value().equals("20,000 rows")));
        assertTrue(model.usage().get(0).startsWith("Intended use: "));
        assertTrue(card.evaluation().metrics().rocCurve().size() > 90, "the card carries the ROC curve the page draws");
    }

    @Test
    void showsTheOutOfFoldFairnessOfAFreshCardInEitherLanguage() {
        var card = DemoWorkspace.get().card();
        var fairness = card.evaluation().fairness();
        assertTrue(fairness != null, "the fixture model was trained by this build");
        I18n i18n = new I18n(Locale.ENGLISH);
        ModelCardViewModel model = new ModelCardViewModel(i18n, new SimpleObjectProperty<>(card));
        int groups = fairness.attributes().stream().mapToInt(a -> a.groups().size()).sum();
        assertEquals(groups, model.fairness().size());
        var women = model.fairness().stream().filter(r -> r.group().equals("Women")).findFirst().orElseThrow();
        var figures = fairness.attributes().get(0).groups().stream().filter(g -> g.group().equals("F")).findFirst().orElseThrow();
        assertEquals(String.format(Locale.ENGLISH, "%,d", figures.count()), women.clients());
        assertEquals(String.format(Locale.ENGLISH, "%.1f %%", 100 * figures.approvalRate()), women.approval());
        assertEquals(!figures.meetsFourFifths(), women.belowFourFifths());
        assertTrue(model.fairnessNoteProperty().get().contains("four-fifths"), model.fairnessNoteProperty().get());
        i18n.setLocale(Locale.FRENCH);
        assertTrue(model.fairness().stream().anyMatch(r -> r.group().equals("Femmes")), model.fairness().toString());
        assertTrue(model.fairnessNoteProperty().get().contains("quatre cinqui\u00e8mes"), model.fairnessNoteProperty().get());
    }

    @Test
    void aCardWrittenBeforeFairnessSaysHowToGetIt() {
        var card = DemoWorkspace.get().card();
        var e = card.evaluation();
        // as a card of schema version 3 or older reads: no fairness figures
        var older = new com.pretadepenser.creditdesk.engine.model.ModelCard(3, card.details(), card.training(),
                new com.pretadepenser.creditdesk.engine.model.Evaluation(e.metrics(), e.threshold(), e.costs(), e.costCurve(), null),
                card.usage());
        ModelCardViewModel model = new ModelCardViewModel(new I18n(Locale.ENGLISH), new SimpleObjectProperty<>(older));
        assertTrue(model.fairness().isEmpty());
        assertTrue(model.fairnessNoteProperty().get().contains("retrain"), model.fairnessNoteProperty().get());
    }
}
