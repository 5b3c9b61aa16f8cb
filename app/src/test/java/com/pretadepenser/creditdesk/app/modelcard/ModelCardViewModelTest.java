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
}
