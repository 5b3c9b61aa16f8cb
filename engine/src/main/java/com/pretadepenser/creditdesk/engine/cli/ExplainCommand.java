package com.pretadepenser.creditdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import com.pretadepenser.creditdesk.engine.peers.PeerGroup;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexBuilder;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Score one client and explain the decision: probability, decision, contributions by factor and feature, "
                + "principal reasons, and how the client compares with peers on the features that weigh most.")
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

    @Option(names = "--no-peers", description = "Skip the peer comparison (it scores every client first: 0.5 s on the demo, 13 s at full scale).")
    boolean noPeers;

    /** Groups a client is compared with, and the features compared: the numeric ones that weigh most for this client. */
    static final int PEER_FEATURES = 3;
    static final int SIMILAR = 500;

    /** The JSON output: the explanation, then the peer distributions (empty with --no-peers). */
    record Output(Explanation explanation, List<Distribution> peers) {
    }

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
            List<Distribution> peers = noPeers ? List.of() : peers(scoring, source, scorer, scored);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new Output(explanation, peers)));
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
            if (!peers.isEmpty()) {
                System.out.println();
                System.out.printf("%-40s %-26s %10s %11s %14s %13s %14s%n", "peers: feature", "group", "clients", "percentile",
                        "group median", "default rate", "mean predicted");
                for (Distribution d : peers) {
                    System.out.printf("%-40s %-26s %,10d %11s %14s %12.1f%% %13.1f%%%n", abbreviate(FeatureLabels.label(d.feature(), locale), 40),
                            d.group(), d.groupSize(), Double.isNaN(d.clientPercentile()) ? "-"
                                    : "%.0f".formatted(d.percentile(HumanValues.readsBackwards(d.feature()))),
                            values.format(d.feature(), d.quantiles()[2]), 100 * d.defaultRate(), 100 * d.meanProbability());
                }
            }
        }
        return 0;
    }

    /**
     * The client among all clients, repayers, defaulters and the {@value #SIMILAR} most similar, on
     * the {@value #PEER_FEATURES} numeric features whose contribution to this client's score is largest.
     */
    private static List<Distribution> peers(ScoringModel scoring, DataSource source, ClientScorer scorer, ClientScorer.ScoredClient scored) {
        PeerIndex index = PeerIndexBuilder.build(scoring, source.data(), scorer.history());
        int id = scored.score().clientId();
        List<PeerGroup> groups = List.of(index.all(), index.repayers(), index.defaulters(), index.nearest(id, SIMILAR));
        List<Distribution> out = new ArrayList<>();
        scored.contributions().stream()
                .filter(c -> !FeaturePipeline.isCategorical(c.feature()))
                .limit(PEER_FEATURES)
                .forEach(c -> groups.forEach(g -> out.add(index.distribution(g, c.feature(), c.value(), 20))));
        return out;
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
