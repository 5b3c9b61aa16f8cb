package com.pretadepenser.creditdesk.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

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
            Table application = scorer.application(id);
            Counterfactual.Search result = search.search(application);
            if (result.alreadyGranted() || result.found().isEmpty()) {
                continue;
            }
            found++;
            Counterfactual change = result.found().get();
            assertTrue(Set.of("AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE").containsAll(change.changes().keySet()), change.changes().keySet().toString());
            Table applied = application.copy();
            change.changes().forEach((field, fromTo) -> {
                assertEquals(application.doubleColumn(field).getDouble(0), fromTo[0], 0.0);
                assertTrue(fromTo[1] < fromTo[0], field + " only goes down");
                applied.doubleColumn(field).set(0, fromTo[1]);
            });
            Score after = scorer.explain(applied).score();
            assertEquals(change.probability(), after.probability(), 1e-12);
            assertEquals(Decision.GRANTED, after.decision());
            double credit = applied.doubleColumn("AMT_CREDIT").getDouble(0);
            assertTrue(credit >= CounterfactualSearch.MIN_CREDIT_SHARE * application.doubleColumn("AMT_CREDIT").getDouble(0) - 1);
            assertTrue(applied.doubleColumn("AMT_ANNUITY").getDouble(0) / credit >= CounterfactualSearch.MIN_PAYMENT_RATE);
        }
        assertTrue(found > 0, "no refused client could be granted by changing the loan among 400");
    }

    @Test
    void aGrantedApplicationNeedsNoChange() {
        int granted = Arrays.stream(scorer.clientIds()).filter(id -> scorer.explain(id).score().decision() == Decision.GRANTED)
                .findFirst().orElseThrow();
        Counterfactual.Search result = search.search(scorer.application(granted));
        assertTrue(result.alreadyGranted());
        assertTrue(result.found().isEmpty());
    }

    @Test
    void noChangeWithinRangeIsSaidPlainly() {
        int refused = Arrays.stream(scorer.clientIds()).filter(id -> scorer.explain(id).score().decision() == Decision.REFUSED)
                .findFirst().orElseThrow();
        Table hopeless = scorer.application(refused);
        for (String score : new String[] {"EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"}) {
            hopeless.doubleColumn(score).set(0, 0.001);
        }
        hopeless.doubleColumn("AMT_CREDIT").set(0, 50_000);
        hopeless.doubleColumn("AMT_ANNUITY").set(0, 1_200);
        // A loan already near the smallest amount and the longest term leaves almost no room to move.
        Counterfactual.Search result = search.search(hopeless);
        assertEquals(Decision.REFUSED, result.original().decision());
        assertTrue(result.found().isEmpty(), () -> "unexpected change " + result.found().get().changes().keySet());
        assertEquals(3, result.leversTried().size());
    }
}
