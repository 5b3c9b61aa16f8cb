package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate, score and holdout from the command line, on a small synthetic dataset. */
class ModelCommandsTest {
    @TempDir
    static Path dir;

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static String trainOutput;

    @BeforeAll
    static void trainOnce() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
        assertEquals(0, CreditDeskCli.run("generate", "--clients", "2500", "--seed", "9", "--out", dir.resolve("csv").toString()));
        assertEquals(0, CreditDeskCli.run("import", "--from", dir.resolve("csv").toString(), "--to", dir.resolve("ds").toString()));
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("train", "--data", dir.resolve("ds").toString(), "--out", dir.resolve("model").toString(),
                "--folds", "3", "--imbalance", "none", "--max-rounds", "60", "--early-stopping", "20", "--param", "learning_rate=0.1", "--tune", "off"));
        trainOutput = OUT.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void trainWritesTheModelAndPrintsTheMetricsTable() {
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve(ModelArtifact.MODEL_FILE)));
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve(ModelArtifact.CARD_FILE)));
        assertTrue(trainOutput.startsWith("SYNTHETIC-DATA model \"default\" written"), trainOutput);
        assertTrue(trainOutput.matches("(?s).*fold 3 +0\\.\\d{4}.*out-of-fold +0\\.\\d{4}.*"), trainOutput);
        assertTrue(trainOutput.contains("decision threshold"), trainOutput);
    }

    @Test
    void theCardRecordsTheImportedDatasetsSourceFiles() throws Exception {
        var card = ModelArtifact.read(dir.resolve("model")).card();
        var manifest = com.pretadepenser.creditdesk.engine.data.LocalDataset.open(dir.resolve("ds")).manifest();

        assertTrue(manifest.sources().size() >= 7, "the 7 tables at least: " + manifest.sources());
        assertEquals(manifest.sources().size(), card.training().trainingData().sources().size());
        for (var source : manifest.sources()) {
            assertTrue(card.training().trainingData().sources().contains(
                    new com.pretadepenser.creditdesk.engine.model.ModelCard.Source(source.file(), source.sha256(), source.rows())),
                    source.file() + " in " + card.training().trainingData().sources());
        }
        assertEquals(com.pretadepenser.creditdesk.engine.data.FileHashes.sha256(dir.resolve("csv").resolve("application_train.csv")),
                card.training().trainingData().sources().stream().filter(s -> s.file().equals("application_train.csv")).findFirst().orElseThrow().sha256(),
                "the hash is the source CSV's");
        assertTrue(card.training().trainingData().synthetic());
    }

    private static int firstClient() throws Exception {
        return Integer.parseInt(Files.readAllLines(dir.resolve("csv").resolve("application_train.csv")).get(1).split(",")[0]);
    }

    @Test
    void explainAsJsonGivesScoreContributionsReasonsAndPeers() throws Exception {
        int client = firstClient();
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", Integer.toString(client), "--json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(OUT.toString(StandardCharsets.UTF_8));

        var explanation = json.get("explanation");
        double probability = explanation.get("score").get("probability").asDouble();
        double raw = explanation.get("bias").asDouble();
        for (var feature : explanation.get("features")) {
            raw += feature.get("contribution").asDouble();
        }
        assertEquals(probability, 1 / (1 + Math.exp(-raw)), 1e-9, "the probability is the logistic of bias plus contributions");
        assertEquals(ModelArtifact.read(dir.resolve("model")).card().details().features().size(), explanation.get("features").size());
        assertTrue(explanation.get("summary").asText().length() > 40, explanation.get("summary").asText());
        var peers = json.get("peers");
        assertEquals(ExplainCommand.PEER_FEATURES * 4, peers.size(), "3 features x all, repayers, defaulters, similar");
        assertEquals(List.of("all clients", "clients who repaid", "clients who defaulted", "the 500 most similar clients"),
                List.of(peers.get(0).get("group").asText(), peers.get(1).get("group").asText(), peers.get(2).get("group").asText(),
                        peers.get(3).get("group").asText()));
        assertEquals(0.0, peers.get(1).get("default-rate").asDouble());
        assertEquals(1.0, peers.get(2).get("default-rate").asDouble());
        assertEquals(500, peers.get(3).get("group-size").asInt());
        double percentile = peers.get(0).get("client-percentile").asDouble();
        assertTrue(percentile >= 0 && percentile <= 100, "percentile " + percentile);
    }

    @Test
    void explainAsTextShowsTheDecisionFactorsAndPeersOrSkipsPeers() throws Exception {
        String client = Integer.toString(firstClient());
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", client, "--lang", "fr"));
        String shown = OUT.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("client " + client + " (donn\u00e9es SYNTH\u00c9TIQUES) : probabilit\u00e9 de d\u00e9faut"), shown);
        assertTrue(shown.contains("La demande est"), "the French summary: " + shown);
        assertTrue(shown.contains("pairs : variable") && shown.contains("tous les clients"), "the French peers table: " + shown);
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", client, "--no-peers"));
        assertFalse(OUT.toString(StandardCharsets.UTF_8).contains("peers: feature"));
        ERR.reset();
        assertEquals(1, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", "1"));
        assertTrue(ERR.toString(StandardCharsets.UTF_8).contains("No client with SK_ID_CURR 1 in this dataset"), ERR.toString(StandardCharsets.UTF_8));
    }

    @Test
    void explainWithCounterfactualsListsTheEnginesSuggestionsAsTextAndJson() throws Exception {
        int refused = 0;
        Counterfactual.Search expected = null;
        try (Session session = Session.open(dir.resolve("ds"), dir.resolve("model"))) {
            for (int id : session.scorer().clientIds()) {
                Counterfactual.Search search = session.counterfactuals().search(session.scorer().application(id));
                if (!search.suggestions().isEmpty()) {
                    refused = id;
                    expected = search;
                    break;
                }
            }
        }
        assertTrue(refused != 0, "a refused client with a suggestion");
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", Integer.toString(refused), "--no-peers", "--counterfactuals"));
        String shown = OUT.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("What would change the decision\n1. " + expected.suggestions().get(0).sentence().format(java.util.Locale.ENGLISH)),
                shown);
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", Integer.toString(refused), "--no-peers", "--counterfactuals", "--json", "--lang", "fr"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(OUT.toString(StandardCharsets.UTF_8));
        assertEquals(expected.suggestions().size(), json.get("counterfactuals").get("suggestions").size());
        assertEquals(expected.suggestions().get(0).sentence().format(java.util.Locale.FRENCH),
                json.get("counterfactuals").get("suggestions").get(0).get("sentence").asText());
        ERR.reset();
        assertEquals(1, CreditDeskCli.run("explain", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--client", Integer.toString(refused), "--counterfactuals", "--external-score", "EXT_SOURCE_2"));
        assertTrue(ERR.toString(StandardCharsets.UTF_8).contains("--external-score and --external-source go together"),
                ERR.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluateReportsMetricsAtTheModelsThreshold() {
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("evaluate", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString()));
        String shown = OUT.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("on 2,500 labelled applicants"), shown);
        assertTrue(shown.contains("expected cost"), shown);
    }

    @Test
    void scoreWritesEveryApplicantWithProbabilityAndDecision() throws Exception {
        Path out = dir.resolve("scores.csv");
        assertEquals(0, CreditDeskCli.run("score", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--out", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals("SK_ID_CURR,SET,PROBABILITY,DECISION", lines.get(0));
        assertEquals(1 + 2_500 + Math.round(2_500 * 48_744.0 / 307_511.0), lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double p = Double.parseDouble(f[2]);
            assertTrue(p > 0 && p < 1, line);
            assertTrue(f[3].equals("GRANTED") || f[3].equals("REFUSED"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(",test,")));
    }

    @Test
    void scoreWithExplainAddsTheThreeMainRiskFactors() throws Exception {
        Path out = dir.resolve("explained.csv");
        assertEquals(0, CreditDeskCli.run("score", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--out", out.toString(), "--explain", "--lang", "fr"));
        List<String> lines = Files.readAllLines(out);
        assertEquals("SK_ID_CURR,SET,PROBABILITY,DECISION,REASON_1,REASON_2,REASON_3", lines.get(0));
        // Far above the base rate, contributions must add up to a raise: some factor raises the risk.
        List<String[]> risky = lines.stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> Double.parseDouble(f[2]) >= 0.4).toList();
        assertTrue(!risky.isEmpty(), "no client above 40 %");
        risky.forEach(f -> assertFalse(f[4].isEmpty(), "client " + f[0] + " has no first reason"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("les scores de crédit externes")), "reasons in French");
    }

    @Test
    void scoreRefusesToOverwriteAndLeavesNoPartialFile() throws Exception {
        Path out = dir.resolve("existing.csv");
        Files.writeString(out, "mine");
        ERR.reset();
        assertEquals(1, CreditDeskCli.run("score", "--model", dir.resolve("model").toString(), "--data", dir.resolve("ds").toString(),
                "--out", out.toString()));
        assertEquals("mine", Files.readString(out));
        assertTrue(ERR.toString(StandardCharsets.UTF_8).contains("already exists"));
    }

    @Test
    void aTamperedModelIsRefusedWithAOneLineReason() throws Exception {
        Path copy = dir.resolve("tampered");
        Files.createDirectories(copy);
        Files.copy(dir.resolve("model").resolve(ModelArtifact.CARD_FILE), copy.resolve(ModelArtifact.CARD_FILE));
        Files.writeString(copy.resolve(ModelArtifact.MODEL_FILE), "tree\nversion=v4\n");
        ERR.reset();
        assertEquals(1, CreditDeskCli.run("evaluate", "--model", copy.toString(), "--data", dir.resolve("ds").toString()));
        String reason = ERR.toString(StandardCharsets.UTF_8).strip();
        assertTrue(reason.contains("is not the model its card describes"), reason);
        assertFalse(reason.contains("\n"), reason);
    }

    @Test
    void holdoutComparesWithTheOptimum() {
        OUT.reset();
        assertEquals(0, CreditDeskCli.run("holdout", "--data", dir.resolve("ds").toString(), "--folds", "3", "--imbalance", "none",
                "--max-rounds", "60", "--early-stopping", "20", "--param", "learning_rate=0.1", "--tune", "off"));
        String shown = OUT.toString(StandardCharsets.UTF_8);
        assertTrue(shown.matches("(?s).*trained on 1,99\\d, tested on 50\\d held-out applicants.*"), shown);
        assertTrue(shown.contains("true probabilities (Bayes optimum)"), shown);
        assertTrue(shown.contains("gap to the optimum"), shown);
    }
}
