package com.pretadepenser.creditdesk.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual.Bounds;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual.Lever;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** A client of the quick data with the given fields set (the toy models read only one of them). */
    private static Application applicant(Map<String, ?> fields) {
        return scorer.application(scorer.clientIds()[0]).with(fields);
    }

    @Test
    void findsTheExactCreditUnderASingleSplitOnTheCreditAmount() {
        try (ToyModel toy = ToyModel.singleSplit("AMT_CREDIT", 100_000, 900_000, credit -> credit > 450_000)) {
            Application application = applicant(Map.of("AMT_CREDIT", 800_000, "AMT_ANNUITY", 40_000, "AMT_GOODS_PRICE", Double.NaN));
            Counterfactual.Search result = new CounterfactualSearch(toy.scorer).search(application);

            assertEquals(1, result.suggestions().size(), () -> "only the credit moves this model: " + result.suggestions());
            Counterfactual found = result.suggestions().get(0);
            assertEquals(Lever.CREDIT_AMOUNT, found.lever());
            double expected = Math.floor(toy.split);
            assertEquals(expected, found.changes().get("AMT_CREDIT")[1], 0.0, "the largest whole credit at or under the split " + toy.split);
            assertTrue(toy.scorer.probability(application.with(Map.of("AMT_CREDIT", expected + 1))) >= 0.5, "one more is refused");
            assertEquals(Math.round(40_000 * expected / 800_000 * 2) / 2.0, found.changes().get("AMT_ANNUITY")[1], 0.0,
                    "the annuity follows the credit (the same term)");
            assertEquals(1 - expected / 800_000, found.distance(), 1e-12);
            assertEquals(toy.scorer.score(found.applyTo(application)).score().probability(), found.probability(), 0.0);
            String sentence = found.sentence().format(Locale.ENGLISH);
            assertTrue(sentence.startsWith("Borrow " + String.format(Locale.ENGLISH, "%,.0f", expected) + " instead of 800,000 ("), sentence);
            assertTrue(sentence.endsWith("points under the 50.0 % threshold."), sentence);
            assertTrue(found.sentence().format(Locale.FRENCH).startsWith("Emprunter "), found.sentence().format(Locale.FRENCH));
        }
    }

    @Test
    void findsTheExactCoBorrowerIncomeUnderASingleSplitOnTheIncome() {
        try (ToyModel toy = ToyModel.singleSplit("AMT_INCOME_TOTAL", 50_000, 400_000, income -> income < 200_000)) {
            Application application = applicant(Map.of("AMT_INCOME_TOTAL", 150_000));
            Counterfactual.Search result = new CounterfactualSearch(toy.scorer).search(application);

            assertEquals(List.of(Lever.CO_BORROWER), result.suggestions().stream().map(Counterfactual::lever).toList());
            double income = result.suggestions().get(0).changes().get("AMT_INCOME_TOTAL")[1];
            assertEquals(Math.floor(toy.split) + 1, income, 0.0, "the smallest whole income over the split " + toy.split);
            assertEquals(result.suggestions().get(0).changes().keySet(), Set.of("AMT_INCOME_TOTAL"), "the loan stays as asked");
        }
    }

    @Test
    void yearsEmployedIsALongerTermLeverFoundExactly() {
        try (ToyModel toy = ToyModel.singleSplit("DAYS_EMPLOYED", -4_000, 0, days -> days > -1_000)) {
            Application application = applicant(Map.of("DAYS_EMPLOYED", -500, "DAYS_BIRTH", -12_000));
            Counterfactual found = new CounterfactualSearch(toy.scorer).search(application).best().orElseThrow();

            assertEquals(Lever.YEARS_EMPLOYED, found.lever());
            assertTrue(found.lever().longerTerm());
            assertEquals(Math.floor(toy.split), found.changes().get("DAYS_EMPLOYED")[1], 0.0, "split " + toy.split);
            assertEquals(-12_000, found.applyTo(application).number("DAYS_BIRTH"), 0.0, "the age is held as it is");
            assertTrue(found.sentence().format(Locale.ENGLISH).matches("Longer term: after 1\\.[34] more years in the current job .*"),
                    found.sentence().format(Locale.ENGLISH));
        }
    }

    @Test
    void anExternalScoreMovesOnlyFromASourceTheOfficerNames() {
        try (ToyModel toy = ToyModel.singleSplit("EXT_SOURCE_2", 0, 1, score -> score < 0.5)) {
            Application application = applicant(Map.of("EXT_SOURCE_2", 0.45));
            CounterfactualSearch toySearch = new CounterfactualSearch(toy.scorer);

            Counterfactual.Search without = toySearch.search(application);
            assertTrue(without.suggestions().isEmpty());
            assertFalse(without.leversTried().contains(Lever.EXTERNAL_SCORE));

            Bounds stated = Bounds.DEFAULT.withExternalScore(new Counterfactual.ExternalSource("EXT_SOURCE_2", "bureau report of May"));
            Counterfactual found = toySearch.search(application, stated).best().orElseThrow();
            assertEquals(Lever.EXTERNAL_SCORE, found.lever());
            assertEquals(Math.floor(toy.split * 1000) / 1000 + 0.001, found.changes().get("EXT_SOURCE_2")[1], 1e-9, "split " + toy.split);
        }
    }

    @Test
    void noChangeWithinTheBoundsNamesTheBounds() {
        try (ToyModel toy = ToyModel.singleSplit("AMT_CREDIT", 50_000, 900_000, credit -> credit > 100_000)) {
            Application application = applicant(Map.of("AMT_CREDIT", 800_000, "AMT_ANNUITY", 40_000, "AMT_GOODS_PRICE", 700_000,
                    "NAME_CONTRACT_TYPE", "Cash loans"));
            Counterfactual.Search result = new CounterfactualSearch(toy.scorer).search(application);

            assertTrue(result.suggestions().isEmpty(), () -> "unexpected " + result.suggestions());
            String said = result.verdict().orElseThrow().format(Locale.ENGLISH);
            assertTrue(said.startsWith("No change within the bounds grants this application. Bounds: the credit down to 30 % of the request"
                    + " and not under 45,000; a term up to 2 times as long, the annuity at least 2.2 % of the credit; a down payment up to"
                    + " 30 % of the goods price"), said);
            assertTrue(said.contains("a co-borrower's income up to 100 % of the client's"), said);
            String dit = result.verdict().orElseThrow().format(Locale.FRENCH);
            assertTrue(dit.startsWith("Aucune modification dans les limites n'accorde cette demande. Limites : le cr\u00e9dit jusqu'\u00e0 30\u00a0%"), dit);
        }
    }

    @Test
    void everySuggestionGrantsWhenAppliedKeepsTheImmutablesAndStaysWithinItsBounds() {
        int refused = 0;
        int withSuggestion = 0;
        Bounds bounds = Bounds.DEFAULT;
        for (int id : Arrays.stream(scorer.clientIds()).limit(300).toArray()) {
            Application application = scorer.application(id);
            Counterfactual.Search result = search.search(application);
            if (result.alreadyGranted()) {
                assertTrue(result.suggestions().isEmpty());
                continue;
            }
            refused++;
            assertTrue(result.suggestions().size() <= CounterfactualSearch.MAX_SUGGESTIONS);
            withSuggestion += result.suggestions().isEmpty() ? 0 : 1;
            Set<String> moved = new HashSet<>();
            for (Counterfactual c : result.suggestions()) {
                for (String quantity : c.lever().moves()) {
                    assertTrue(moved.add(quantity), "two suggestions move " + quantity + " for client " + id);
                }
                Application applied = c.applyTo(application);
                Score after = scorer.score(applied).score();
                assertEquals(Decision.GRANTED, after.decision());
                assertEquals(c.probability(), after.probability(), 0.0);
                assertTrue(c.marginToThreshold() > 0);
                for (String fact : Counterfactual.IMMUTABLE) {
                    assertTrue(sameValue(application, applied, fact), fact + " changed for client " + id);
                }
                assertEquals(application.clientId(), applied.clientId(), "the same client: the same credit history");
                c.changes().forEach((field, fromTo) -> assertEquals(application.number(field), fromTo[0], 0.0));
                double credit = applied.number("AMT_CREDIT");
                assertTrue(credit >= Math.min(application.number("AMT_CREDIT"),
                        Math.max(bounds.minCredit(), bounds.minCreditShare() * application.number("AMT_CREDIT"))) - 1);
                assertTrue(applied.number("AMT_ANNUITY") / credit >= bounds.minPaymentRate() - 1e-6
                        || applied.number("AMT_ANNUITY") == application.number("AMT_ANNUITY"));
                assertTrue(applied.number("AMT_INCOME_TOTAL") <= (1 + bounds.maxCoBorrowerShare()) * application.number("AMT_INCOME_TOTAL") + 1);
                assertTrue(application.number("DAYS_EMPLOYED") - applied.number("DAYS_EMPLOYED")
                        <= bounds.maxYearsEmployed() * CounterfactualSearch.DAYS_PER_YEAR + 1);
                assertFalse(c.sentence().format(Locale.ENGLISH).isBlank());
            }
            if (result.suggestions().isEmpty()) {
                assertTrue(result.verdict().orElseThrow().format(Locale.ENGLISH).startsWith("No change within the bounds"));
            }
        }
        assertTrue(refused > 0 && withSuggestion > 0, "refused " + refused + ", with a suggestion " + withSuggestion);
    }

    private static boolean sameValue(Application a, Application b, String column) {
        return a.isNumber(column) ? Double.compare(a.number(column), b.number(column)) == 0 : a.text(column).equals(b.text(column));
    }

    @Test
    void theSameApplicationGetsTheSameSuggestions() {
        int refused = Arrays.stream(scorer.clientIds()).filter(id -> !search.search(scorer.application(id)).suggestions().isEmpty())
                .findFirst().orElseThrow();
        Counterfactual.Search first = search.search(scorer.application(refused));
        Counterfactual.Search second = new CounterfactualSearch(scorer).search(scorer.application(refused));
        assertEquals(describe(first), describe(second));
    }

    private static List<String> describe(Counterfactual.Search search) {
        List<String> out = new ArrayList<>();
        for (Counterfactual c : search.suggestions()) {
            StringBuilder s = new StringBuilder(c.lever() + " " + c.probability() + " " + c.distance());
            c.changes().forEach((field, fromTo) -> s.append(' ').append(field).append(Arrays.toString(fromTo)));
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void keepsActionableLeversFirstAndNeverTwoThatMoveTheSameQuantity() {
        Score original = Score.of(1, 0.6, 0.5);
        Score after = Score.of(1, 0.4, 0.5);
        Counterfactual longWait = new Counterfactual(Lever.YEARS_EMPLOYED, Map.of("DAYS_EMPLOYED", new double[] {-100, -200}), after, 0.01, original);
        Counterfactual credit = new Counterfactual(Lever.CREDIT_AMOUNT, Map.of("AMT_CREDIT", new double[] {100, 80}), after, 0.2, original);
        Counterfactual downPayment = new Counterfactual(Lever.DOWN_PAYMENT, Map.of("AMT_CREDIT", new double[] {100, 90}), after, 0.1, original);
        Counterfactual income = new Counterfactual(Lever.CO_BORROWER, Map.of("AMT_INCOME_TOTAL", new double[] {100, 150}), after, 0.5, original);
        Counterfactual both = new Counterfactual(Lever.CREDIT_AND_TERM, Map.of("AMT_CREDIT", new double[] {100, 95}), after, 0.05, original);

        List<Counterfactual> kept = CounterfactualSearch.diverse(List.of(longWait, credit, downPayment, income, both));

        assertEquals(List.of(Lever.CREDIT_AND_TERM, Lever.CO_BORROWER, Lever.YEARS_EMPLOYED), kept.stream().map(Counterfactual::lever).toList());
        assertEquals(List.of(Lever.DOWN_PAYMENT, Lever.CO_BORROWER, Lever.YEARS_EMPLOYED),
                CounterfactualSearch.diverse(List.of(longWait, credit, downPayment, income)).stream().map(Counterfactual::lever).toList());
    }

    @Test
    void refusesToChangeAnImmutableFact() {
        Score original = Score.of(1, 0.6, 0.5);
        Score after = Score.of(1, 0.4, 0.5);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Counterfactual(Lever.YEARS_EMPLOYED,
                Map.of("DAYS_BIRTH", new double[] {-10_000, -11_000}), after, 0.1, original));
    }

    @Test
    void aGrantedApplicationNeedsNoChange() {
        int granted = Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision() == Decision.GRANTED)
                .findFirst().orElseThrow();
        Counterfactual.Search result = search.search(scorer.application(granted));
        assertTrue(result.alreadyGranted());
        assertTrue(result.suggestions().isEmpty());
        assertEquals("The application is granted as it stands.", result.verdict().orElseThrow().format(Locale.ENGLISH));
    }
}
