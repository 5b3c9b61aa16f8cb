package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.api.CounterfactualsReply;
import com.pretadepenser.creditdesk.api.ExplanationReply;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import com.pretadepenser.creditdesk.api.PeersReply;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import com.pretadepenser.creditdesk.engine.peers.PeerGroup;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.session.Session;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Score one client and explain the decision: probability, decision, contributions by factor and feature, "
                + "principal reasons, how the client compares with peers on the features that weigh most and, with "
                + "--counterfactuals, the changes that would grant a refused application.")
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

    @Option(names = "--counterfactuals", description = "Also list up to 3 changes, each of a different lever (credit amount, term, "
            + "down payment, co-borrower, and the longer-term years employed), that would grant a refused application.")
    boolean counterfactuals;

    @Option(names = "--external-score", paramLabel = "EXT_SOURCE_N", description = "With --counterfactuals: an external score "
            + "(EXT_SOURCE_1, 2 or 3) the officer can obtain anew; needs --external-source.")
    String externalScore;

    @Option(names = "--external-source", paramLabel = "TEXT", description = "Where the newer external score would come from "
            + "(e.g. \"bureau report of May\"); without it, external scores are never suggested.")
    String externalSource;

    /** Groups a client is compared with, and the features compared: the numeric ones that weigh most for this client. */
    static final int PEER_FEATURES = 3;
    static final int SIMILAR = 500;

    /**
     * The JSON output: the explanation, then the peer distributions (empty with --no-peers), in the
     * local API's records and kebab-case keys (docs/explanations.md).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Output(@com.fasterxml.jackson.annotation.JsonProperty("explanation") ExplanationReply explanation,
                  @com.fasterxml.jackson.annotation.JsonProperty("peers") List<PeersReply> peers,
                  @com.fasterxml.jackson.annotation.JsonProperty("counterfactuals") CounterfactualsReply counterfactuals) {
    }

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("--lang must be en or fr, not " + lang);
        }
        Locale locale = Locale.forLanguageTag(lang);
        Counterfactual.Bounds bounds = bounds();
        try (Session session = modelAndData.open()) {
            ClientScorer.ScoredClient scored = session.scorer().score(client);
            Explanation explanation = session.explainer().explain(scored, locale);
            List<Distribution> peers = noPeers ? List.of() : peers(session.peers(), scored);
            Counterfactual.Search search = counterfactuals ? session.counterfactuals().search(session.scorer().application(client), bounds)
                    : null;
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new Output(ExplanationReply.of(explanation), peers.stream().map(PeersReply::of).toList(),
                                search == null ? null : CounterfactualsReply.of(search, locale))));
                return 0;
            }
            print(explanation, peers, session.synthetic(), session.model(), locale);
            if (search != null) {
                printCounterfactuals(search, locale);
            }
        }
        return 0;
    }

    /** The text form, in the language of {@code locale}: headline, summary, factors, features, peers. */
    private void print(Explanation explanation, List<Distribution> peers, boolean synthetic, ScoringModel scoring, Locale locale) {
        java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle("com.pretadepenser.creditdesk.cli.explain", locale);
        var score = explanation.score();
        System.out.println(java.text.MessageFormat.format(texts.getString("headline"), Integer.toString(client),
                synthetic ? texts.getString("synthetic") : "", number("%.1f", 100 * score.probability(), locale),
                number("%.1f", 100 * score.threshold(), locale), texts.getString("decision." + score.decision().name()),
                number("%+.1f", 100 * score.margin(), locale), texts.getString("band." + score.band().name())));
        System.out.println();
        System.out.println(explanation.summary());
        System.out.println();
        System.out.printf(locale, "%-44s %12s%n", texts.getString("factor"), texts.getString("logOdds"));
        for (Explanation.FamilyContribution family : explanation.families()) {
            System.out.printf(locale, "%-44s %+12.3f%n", family.label(), family.contribution());
        }
        System.out.println();
        HumanValues values = new HumanValues(scoring.card().details().featureSchema(), locale);
        System.out.printf(locale, "%-60s %-30s %10s%n", texts.getString("feature"), texts.getString("value"), texts.getString("logOdds"));
        for (Contribution c : explanation.features().stream().limit(top).toList()) {
            System.out.printf(locale, "%-60s %-30s %+10.3f%n", abbreviate(FeatureLabels.label(c.feature(), locale)),
                    abbreviate(values.format(c.feature(), c.value()), 30), c.contribution());
        }
        if (peers.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf(locale, "%-40s %-34s %10s %11s %18s %15s %16s%n", texts.getString("peers"), texts.getString("group"),
                texts.getString("clients"), texts.getString("percentile"), texts.getString("median"), texts.getString("defaultRate"),
                texts.getString("meanPredicted"));
        for (int i = 0; i < peers.size(); i++) {
            Distribution d = peers.get(i);
            PeerGroup.Kind kind = GROUP_ORDER.get(i % GROUP_ORDER.size());
            String group = java.text.MessageFormat.format(texts.getString("group." + kind.name()), Integer.toString(SIMILAR));
            System.out.printf(locale, "%-40s %-34s %,10d %11s %18s %14.1f%% %15.1f%%%n", abbreviate(FeatureLabels.label(d.feature(), locale), 40),
                    group, d.groupSize(), Double.isNaN(d.clientPercentile()) ? "-"
                            : "%.0f".formatted(d.percentile(HumanValues.readsBackwards(d.feature()))),
                    values.format(d.feature(), d.quantiles()[2]), 100 * d.defaultRate(), 100 * d.meanProbability());
        }
    }

    /** The bounds of the search: the default ones, with a newer external score when both options name it. */
    private Counterfactual.Bounds bounds() {
        if (externalScore == null && externalSource == null) {
            return Counterfactual.Bounds.DEFAULT;
        }
        if (!counterfactuals) {
            throw new IllegalArgumentException("--external-score and --external-source go with --counterfactuals");
        }
        if (externalScore == null || externalSource == null) {
            throw new IllegalArgumentException("--external-score and --external-source go together, e.g. "
                    + "--external-score EXT_SOURCE_2 --external-source \"bureau report of May\"");
        }
        return Counterfactual.Bounds.DEFAULT.withExternalScore(new Counterfactual.ExternalSource(externalScore, externalSource));
    }

    private static void printCounterfactuals(Counterfactual.Search search, Locale locale) {
        java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle("com.pretadepenser.creditdesk.cli.explain", locale);
        System.out.println();
        System.out.println(texts.getString("counterfactuals"));
        if (search.verdict().isPresent()) {
            System.out.println(search.verdict().get().format(locale));
            return;
        }
        int n = 1;
        for (Counterfactual c : search.suggestions()) {
            System.out.println(n++ + ". " + c.sentence().format(locale));
        }
    }

    /** The groups of {@link #peers}, in the order it lists them for each feature. */
    private static final List<PeerGroup.Kind> GROUP_ORDER = List.of(PeerGroup.Kind.ALL, PeerGroup.Kind.REPAYERS,
            PeerGroup.Kind.DEFAULTERS, PeerGroup.Kind.NEAREST);

    private static String number(String format, double value, Locale locale) {
        return String.format(locale, format, value);
    }

    /**
     * The client among all clients, repayers, defaulters and the {@value #SIMILAR} most similar, on
     * the {@value #PEER_FEATURES} numeric features whose contribution to this client's score is largest.
     */
    private static List<Distribution> peers(PeerIndex index, ClientScorer.ScoredClient scored) {
        int id = scored.score().clientId();
        // In GROUP_ORDER, which the text output reads back to name each group in the user's language.
        List<PeerGroup> groups = GROUP_ORDER.stream().map(kind -> switch (kind) {
            case ALL -> index.all();
            case REPAYERS -> index.repayers();
            case DEFAULTERS -> index.defaulters();
            case NEAREST -> index.nearest(id, SIMILAR);
            default -> throw new IllegalStateException("no peer group " + kind + " in explain");
        }).toList();
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
