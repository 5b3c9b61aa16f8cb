package com.pretadepenser.creditdesk.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks on principal reasons, run on the demo and on the genuine sample: no reason reads out a
 * missing value, no category stays a raw code, and the same client gives the same reasons twice.
 * Returns how many reasons said "nothing on record" (the tests check some do).
 */
public final class ReasonsClientsCanHear {
    private static final Set<String> MISSING = Set.of("unknown", "inconnu");
    private static final Set<String> RAW_CODES = Set.of("F", "M", "XNA", "Y", "N");

    private ReasonsClientsCanHear() {
    }

    public static int check(ScoringModel model, ClientScorer scorer, int[] clients) {
        Explainer explainer = new Explainer(model.card().details().featureSchema());
        int absent = 0;
        for (int id : clients) {
            ClientScorer.ScoredClient scored = scorer.score(id);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                Explanation e = explainer.explain(scored, locale);
                for (Explanation.Reason r : concat(e.raising(), e.lowering())) {
                    assertFalse(MISSING.contains(r.value()), "client " + id + " (" + locale + "): a missing value read out as a reason: " + r);
                    assertFalse(RAW_CODES.contains(r.value()), "client " + id + " (" + locale + "): a raw category code as a reason: " + r);
                    if (r.featureLabel().isEmpty()) {
                        assertEquals(r.family().absent(locale).orElseThrow(), r.value());
                        absent++;
                    }
                }
                assertFalse(e.summary().contains(": unknown)") || e.summary().contains(" : inconnu)"),
                        "client " + id + ": the summary reads out a missing value: " + e.summary());
                Explanation again = explainer.explain(scorer.score(id), locale);
                assertEquals(e.raising(), again.raising(), "the same reasons in the same order, client " + id);
                assertEquals(e.lowering(), again.lowering(), "the same reasons in the same order, client " + id);
            }
        }
        return absent;
    }

    private static List<Explanation.Reason> concat(List<Explanation.Reason> a, List<Explanation.Reason> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
