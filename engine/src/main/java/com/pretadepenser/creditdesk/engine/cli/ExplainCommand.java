package com.pretadepenser.creditdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.ScoringModel;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Score one client and explain the decision: probability, decision, contributions by factor and feature, principal reasons.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--client", required = true, description = "The client's SK_ID_CURR.")
    int client;

    @Option(names = "--lang", defaultValue = "en", description = "Language of labels and sentences: en or fr. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Option(names = "--top", defaultValue = "10", description = "Features listed. Default: ${DEFAULT-VALUE}.")
    int top;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("--lang must be en or fr, not " + lang);
        }
        Locale locale = Locale.forLanguageTag(lang);
        try (ScoringModel scoring = ScoringModel.load(modelAndData.model)) {
            DataSource source = DataSource.open(modelAndData.data);
            ClientScorer scorer = new ClientScorer(scoring, source.data());
            ClientScorer.ScoredClient scored = scorer.explain(client);
            Explanation explanation = new Explainer(scoring.card().featureSchema()).explain(scored, locale);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(explanation));
                return 0;
            }
            var score = explanation.score();
            System.out.printf("client %d%s: probability of default %.1f %%, threshold %.1f %%, %s (margin %+.1f points, %s risk)%n",
                    client, source.origin().synthetic() ? " (SYNTHETIC data)" : "", 100 * score.probability(), 100 * score.threshold(),
                    score.decision(), 100 * score.margin(), score.band().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            System.out.println();
            System.out.println(explanation.summary());
            System.out.println();
            System.out.printf("%-44s %12s%n", "factor", "log-odds");
            for (Explanation.FamilyContribution family : explanation.families()) {
                System.out.printf("%-44s %+12.3f%n", family.label(), family.contribution());
            }
            System.out.println();
            HumanValues values = new HumanValues(scoring.card().featureSchema(), locale);
            System.out.printf("%-60s %-22s %10s%n", "feature", "value", "log-odds");
            for (Contribution c : explanation.features().stream().limit(top).toList()) {
                System.out.printf("%-60s %-22s %+10.3f%n", abbreviate(FeatureLabels.label(c.feature(), locale)),
                        values.format(c.feature(), c.value()), c.contribution());
            }
        }
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
