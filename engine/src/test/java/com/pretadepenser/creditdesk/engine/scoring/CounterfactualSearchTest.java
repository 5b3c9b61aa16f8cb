package com.pretadepenser.creditdesk.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.QuickModel;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CounterfactualSearchTest {
    private static ScoringModel model;
    private static ClientScorer scorer;
    private static CounterfactualSearch search;

    @BeforeAll
    static void load() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        scorer = new ClientScorer(model, QuickModel.get().data());
        search = new CounterfactualSearch(scorer);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aFoundChangeGrantsWhenAppliedAndTouchesOnlyTheLoan() {
        int found = 0;
        for (int id : Arrays.stream(scorer.clientIds()).limit(400).toArray()) {
            Application application = scorer.application(id);
            Counterfactual.Search result = search.search(application);
            if (result.alreadyGranted() || result.found().isEmpty()) {
                continue;
            }
            found++;
            Counterfactual change = result.found().get();
            assertTrue(Set.of("AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE").containsAll(change.changes().keySet()), change.changes().keySet().toString());
            java.util.Map<String, Double> edits = new java.util.HashMap<>();
            change.changes().forEach((field, fromTo) -> {
                assertEquals(application.number(field), fromTo[0], 0.0);
                assertTrue(fromTo[1] < fromTo[0], field + " only goes down");
                edits.put(field, fromTo[1]);
            });
            Application applied = application.with(edits);
            Score after = scorer.score(applied).score();
            assertEquals(change.probability(), after.probability(), 1e-12);
            assertEquals(Decision.GRANTED, after.decision());
            double credit = applied.number("AMT_CREDIT");
            assertTrue(credit >= CounterfactualSearch.MIN_CREDIT_SHARE * application.number("AMT_CREDIT") - 1);
            assertTrue(applied.number("AMT_ANNUITY") / credit >= CounterfactualSearch.MIN_PAYMENT_RATE);
        }
        assertTrue(found > 0, "no refused client could be granted by changing the loan among 400");
    }

    @Test
    void aGrantedApplicationNeedsNoChange() {
        int granted = Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision() == Decision.GRANTED)
                .findFirst().orElseThrow();
        Counterfactual.Search result = search.search(scorer.application(granted));
        assertTrue(result.alreadyGranted());
        assertTrue(result.found().isEmpty());
    }

    @Test
    void noChangeWithinRangeIsSaidPlainly() {
        int refused = Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision() == Decision.REFUSED)
                .findFirst().orElseThrow();
        Application hopeless = scorer.application(refused).with(java.util.Map.of("EXT_SOURCE_1", 0.001, "EXT_SOURCE_2", 0.001,
                "EXT_SOURCE_3", 0.001, "AMT_CREDIT", 50_000, "AMT_ANNUITY", 1_200));
        // A loan already near the smallest amount and the longest term leaves almost no room to move.
        Counterfactual.Search result = search.search(hopeless);
        assertEquals(Decision.REFUSED, result.original().decision());
        assertTrue(result.found().isEmpty(), () -> "unexpected change " + result.found().get().changes().keySet());
        assertEquals(3, result.leversTried().size());
    }
}
