package com.pretadepenser.creditdesk.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.features.FeatureFamily;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static ScoringModel model;
    private static ClientScorer scorer;
    private static Explainer explainer;

    @BeforeAll
    static void load() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        scorer = new ClientScorer(model, QuickModel.get().data());
        explainer = new Explainer(model.card().details().featureSchema());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int clientWith(Decision decision) {
        return Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision() == decision)
                .findFirst().orElseThrow();
    }

    @Test
    void reasonsNeverReadOutAMissingValueAndSayWhatNothingOnRecordMeans() {
        int[] clients = Arrays.copyOf(scorer.clientIds(), 1500);
        int absent = ReasonsClientsCanHear.check(model, scorer, clients);
        assertTrue(absent > 0, "some clients of the demo have no earlier application, card or bureau record among their reasons");
    }

    @Test
    void aCategoryInAReasonIsInTheReadersLanguage() {
        HumanValues english = new HumanValues(model.card().details().featureSchema(), Locale.ENGLISH);
        HumanValues french = new HumanValues(model.card().details().featureSchema(), Locale.FRENCH);
        var levels = model.card().details().featureSchema().levels(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN, "CODE_GENDER");
        double female = levels.indexOf("F");
        assertEquals("female", english.format("CODE_GENDER", female));
        assertEquals("femme", french.format("CODE_GENDER", female));
        double cash = model.card().details().featureSchema().levels(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN,
                "NAME_CONTRACT_TYPE").indexOf("Cash loans");
        assertEquals("Cash loans", english.format("NAME_CONTRACT_TYPE", cash));
        assertEquals("Pr\u00eat personnel", french.format("NAME_CONTRACT_TYPE", cash));
    }

    @Test
    void familiesSumTheirFeaturesAndCoverThemAll() {
        Explanation e = explainer.explain(scorer.score(scorer.clientIds()[3]), Locale.ENGLISH);
        double features = e.features().stream().mapToDouble(Contribution::contribution).sum();
        double families = e.families().stream().mapToDouble(Explanation.FamilyContribution::contribution).sum();
        assertEquals(features, families, 1e-9);
        assertEquals(e.features().size(), e.families().stream().mapToInt(f -> f.features().size()).sum());
        assertTrue(e.families().size() >= 8 && e.families().size() <= 15, "families: " + e.families().size());
    }

    @Test
    void refusalGivesAtMostFourRaisingReasonsLargestFirst() {
        Explanation e = explainer.explain(scorer.score(clientWith(Decision.REFUSED)), Locale.ENGLISH);
        assertTrue(!e.raising().isEmpty() && e.raising().size() <= 4);
        for (int i = 0; i < e.raising().size(); i++) {
            assertTrue(e.raising().get(i).contribution() > 0);
            if (i > 0) {
                assertTrue(e.raising().get(i - 1).contribution() >= e.raising().get(i).contribution());
            }
        }
        e.lowering().forEach(r -> assertTrue(r.contribution() < 0));
        assertTrue(e.summary().startsWith("The application is refused: the estimated risk of payment difficulties is "), e.summary());
        assertTrue(e.summary().contains(" Main reasons: " + e.raising().get(0).familyLabel()), e.summary());
    }

    @Test
    void grantedApplicationSaysWhatSpeaksForIt() {
        Explanation e = explainer.explain(scorer.score(clientWith(Decision.GRANTED)), Locale.ENGLISH);
        assertTrue(e.summary().startsWith("The application is granted"), e.summary());
        assertTrue(e.summary().contains("Main points in its favour: "), e.summary());
    }

    @Test
    void frenchExplanationIsInFrench() {
        int id = clientWith(Decision.REFUSED);
        Explanation fr = explainer.explain(scorer.score(id), Locale.FRENCH);
        Explanation en = explainer.explain(scorer.score(id), Locale.ENGLISH);
        assertTrue(fr.summary().startsWith("La demande est refusée : le risque estimé"), fr.summary());
        assertTrue(fr.summary().contains("Principales raisons : "), fr.summary());
        assertTrue(!fr.summary().matches("(?s).*\\S; .*"), "French puts a space before a semicolon: " + fr.summary());
        assertNotEquals(en.families().get(0).label(), fr.families().get(0).label());
        assertEquals(en.score(), fr.score());
    }

    @Test
    void everyFeatureThePipelineMakesHasAFamilyAndLabelsInBothLanguages() {
        // Every feature, not only those this model kept: another model may keep others.
        List<String> all = scorer.score(scorer.clientIds()[0]).features().names();
        assertTrue(all.size() > model.card().featureNames().size(), all.size() + " features made");
        for (String feature : all) {
            FeatureFamily.of(feature);
            String en = FeatureLabels.label(feature, Locale.ENGLISH);
            String fr = FeatureLabels.label(feature, Locale.FRENCH);
            assertNotEquals(feature, en, "no English label for " + feature);
            assertNotEquals(feature, fr, "no French label for " + feature);
            for (String label : List.of(en, fr)) {
                assertFalse(java.util.regex.Pattern.compile("[A-Z]{2,}_[A-Z]{2,}").matcher(label).find(),
                        "a column name left in the label of " + feature + ": " + label);
            }
        }
    }
}
