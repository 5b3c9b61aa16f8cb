package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.data.RealData;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user-facing command, run as a user runs it, with default settings (no tuning flag), on
 * the genuine Home Credit sample of {@code ../shared/realdata}: import, inspect, train, evaluate,
 * score (with and without reasons, in both languages), explain (text and JSON, EN and FR, clients
 * with and without credit history), serve (a real process, every endpoint) and holdout. Models
 * stay in a temporary folder: none trained on these rows is ever kept.
 */
class GenuineDataPathTest {
    /** A column name (EXT_SOURCE_3, AMT_CREDIT...) where a person should read words. */
    private static final Pattern COLUMN_NAME = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String absent;
    private static Path dataset;
    private static Path model;
    private static String trainOutput;
    private static long trainSeconds;
    private static int withHistory;
    private static int withoutHistory;
    private static int unlabelled;

    @BeforeAll
    static void importAndTrainWithDefaults() throws Exception {
        Path realdata = RealData.folder();
        if (!Files.isRegularFile(realdata.resolve("application_train.csv"))) {
            absent = "genuine sample absent at " + realdata + ": the genuine-data path is not checked";
            return;
        }
        dataset = dir.resolve("genuine-ds");
        model = dir.resolve("genuine-model");
        assertEquals(0, run("import", "--from", realdata.toString(), "--to", dataset.toString()).code());
        long start = System.nanoTime();
        Result train = run("train", "--data", dataset.toString(), "--out", model.toString());
        trainSeconds = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(0, train.code(), train.err());
        trainOutput = train.out();

        var data = LocalDataset.open(dataset).load();
        var train0 = data.table(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        Set<Integer> bureau = ids(data, com.pretadepenser.creditdesk.engine.data.HomeCreditTable.BUREAU);
        Set<Integer> previous = ids(data, com.pretadepenser.creditdesk.engine.data.HomeCreditTable.PREVIOUS_APPLICATION);
        Set<Integer> instalments = ids(data, com.pretadepenser.creditdesk.engine.data.HomeCreditTable.INSTALLMENTS_PAYMENTS);
        withHistory = -1;
        withoutHistory = -1;
        for (int id : train0.intColumn("SK_ID_CURR").asIntArray()) {
            boolean any = bureau.contains(id) || previous.contains(id) || instalments.contains(id);
            if (withHistory < 0 && bureau.contains(id) && previous.contains(id) && instalments.contains(id)) {
                withHistory = id;
            }
            if (withoutHistory < 0 && !any) {
                withoutHistory = id;
            }
        }
        unlabelled = data.table(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TEST).orElseThrow()
                .intColumn("SK_ID_CURR").getInt(0);
        assertTrue(withHistory > 0 && withoutHistory > 0, "the sample has clients with and without history");
    }

    private static Set<Integer> ids(com.pretadepenser.creditdesk.engine.data.HomeCreditData data,
                                    com.pretadepenser.creditdesk.engine.data.HomeCreditTable table) {
        Set<Integer> ids = new HashSet<>();
        data.table(table).ifPresent(t -> {
            for (int id : t.intColumn("SK_ID_CURR").asIntArray()) {
                ids.add(id);
            }
        });
        return ids;
    }

    @BeforeEach
    void needsTheSample() {
        RealData.assumeAvailable(absent);
    }

    record Result(int code, String out, String err) {
    }

    /** One command line in this process, its stdout and stderr captured. */
    private static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = CreditDeskCli.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void assertReadsAsWords(String text, String where) {
        assertFalse(text.contains("NaN"), where + " shows NaN: " + text);
        Matcher m = COLUMN_NAME.matcher(text);
        assertFalse(m.find(), where + " shows a column name (" + (m.hitEnd() ? "" : m.group()) + "): " + text);
    }

    @Test
    void inspectCountsTheGenuineRows() {
        Result inspect = run("inspect", dataset.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("6,999") || inspect.out().contains("6999"), inspect.out());
        assertTrue(inspect.out().contains("4,874") || inspect.out().contains("4874"), inspect.out());
    }

    @Test
    void trainWithDefaultsTunesAndWritesAGenuineModel() {
        ModelCard card = ModelArtifact.read(model).card();
        assertFalse(card.training().trainingData().synthetic(), "genuine rows are not marked synthetic");
        assertEquals(6_999, card.training().trainingData().labelledRows());
        double auc = card.evaluation().metrics().rocAuc();
        assertTrue(auc > 0.72 && auc < 0.82, "out-of-fold AUC on genuine rows " + auc);
        assertNotNull(card.training().tuning(), "train tunes by default");
        assertTrue(card.training().tuning().candidates().size() >= 8, "candidates tried: " + card.training().tuning().candidates().size());
        ModelCard.TuningCandidate winner = card.training().tuning().candidates().get(card.training().tuning().chosen());
        assertNotNull(winner.oofAuc(), "the winner was cross-validated on every fold");
        winner.settings().forEach((k, v) -> assertEquals(v, card.details().hyperParameters().get(k), "the model uses the winner's " + k));
        assertTrue(card.evaluation().threshold() > 0.02 && card.evaluation().threshold() < 0.5, "threshold " + card.evaluation().threshold());
        assertTrue(trainOutput.contains("settings tuned"), trainOutput);
        assertFalse(trainOutput.startsWith("SYNTHETIC"), trainOutput);
        System.out.printf("genuine train with defaults: %d s, OOF AUC %.4f%n", trainSeconds, auc);
    }

    @Test
    void evaluateReportsTheModelsMetricsOnItsLabelledRows() {
        Result evaluate = run("evaluate", "--model", model.toString(), "--data", dataset.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        // The metrics row: a label, then ROC AUC, PR AUC, Brier... with four decimals each.
        Matcher auc = Pattern.compile("(?m)^\\S+ +(0\\.\\d{4}) +(0\\.\\d{4}) +(0\\.\\d{4})").matcher(evaluate.out());
        assertTrue(auc.find(), evaluate.out());
        double inSample = Double.parseDouble(auc.group(1));
        assertTrue(inSample > 0.75 && inSample < 1, "in-sample AUC " + inSample + ": " + evaluate.out());
        // fairness by gender and age band: every applicant in one gender group and one age band
        Matcher groups = Pattern.compile("(?m)^  (F|M|XNA|< 25|25-34|35-44|45-54|55\\+|unknown) +([\\d,]+) ").matcher(evaluate.out());
        int counted = 0;
        while (groups.find()) {
            counted += Integer.parseInt(groups.group(2).replace(",", ""));
        }
        assertEquals(2 * 6_999, counted, evaluate.out());
        assertTrue(evaluate.out().contains("four-fifths rule"), evaluate.out());
    }

    @Test
    void scoreGivesEveryApplicantAProbabilityAndTheDecisionOfTheThreshold() throws Exception {
        Path csv = dir.resolve("scores.csv");
        Result score = run("score", "--model", model.toString(), "--data", dataset.toString(), "--out", csv.toString());
        assertEquals(0, score.code(), score.err());
        double threshold = ModelArtifact.read(model).card().evaluation().threshold();
        int rows = 0;
        int refused = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord r : reader) {
                double p = Double.parseDouble(r.getField("PROBABILITY"));
                assertTrue(p > 0 && p < 1, "probability " + p + " of " + r.getField("SK_ID_CURR"));
                assertEquals(p >= threshold ? "REFUSED" : "GRANTED", r.getField("DECISION"), "client " + r.getField("SK_ID_CURR"));
                refused += p >= threshold ? 1 : 0;
                rows++;
            }
        }
        assertEquals(6_999 + 4_874, rows, "every applicant of both tables, none dropped");
        assertTrue(refused > rows / 20 && refused < rows / 2, refused + " refused of " + rows);
    }

    @Test
    void scoreExplainGivesReasonsInWordsInBothLanguages() throws Exception {
        for (String lang : List.of("en", "fr")) {
            Path csv = dir.resolve("reasons-" + lang + ".csv");
            Result score = run("score", "--model", model.toString(), "--data", dataset.toString(), "--out", csv.toString(),
                    "--explain", "--lang", lang);
            assertEquals(0, score.code(), score.err());
            int reasons = 0;
            try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
                for (NamedCsvRecord r : reader) {
                    String first = r.getField("REASON_1");
                    if (!first.isEmpty()) {
                        reasons++;
                        assertReadsAsWords(first + " " + r.getField("REASON_2") + " " + r.getField("REASON_3"),
                                lang + " reasons of " + r.getField("SK_ID_CURR"));
                    }
                }
            }
            assertTrue(reasons > 10_000, lang + ": reasons for " + reasons + " applicants");
        }
    }

    @Test
    void explainInTextSaysWhyInEnglishAndFrenchForClientsWithAndWithoutHistory() {
        for (int client : List.of(withHistory, withoutHistory, unlabelled)) {
            Result en = run("explain", "--model", model.toString(), "--data", dataset.toString(), "--client", Integer.toString(client));
            assertEquals(0, en.code(), en.err());
            assertTrue(en.out().contains("probability of default"), en.out());
            String summary = en.out().lines().filter(l -> l.startsWith("The application is")).findFirst().orElse("");
            // A refusal gives its main reasons, a grant the main points in its favour.
            assertTrue(summary.matches(".*(Main reasons|Main points in its favour).*"), "client " + client + ": " + en.out());
            assertReadsAsWords(en.out(), "explain " + client);

            Result fr = run("explain", "--model", model.toString(), "--data", dataset.toString(), "--client", Integer.toString(client),
                    "--lang", "fr");
            assertEquals(0, fr.code(), fr.err());
            String resume = fr.out().lines().filter(l -> l.startsWith("La demande est")).findFirst().orElse("");
            assertFalse(resume.isEmpty(), fr.out());
            assertTrue(fr.out().startsWith("client " + client + " : probabilit\u00e9 de d\u00e9faut "), fr.out());
            assertTrue(fr.out().matches("(?s).*\\d,\\d %.*") && fr.out().contains("facteur") && fr.out().contains("tous les clients"),
                    "French headline, headers, decimal commas and peer groups: " + fr.out());
            assertReadsAsWords(fr.out(), "explain --lang fr " + client);
        }
    }

    @Test
    void explainInJsonHasContributionsThatSumToTheScore() throws Exception {
        for (int client : List.of(withHistory, withoutHistory)) {
            for (String lang : List.of("en", "fr")) {
                Result json = run("explain", "--model", model.toString(), "--data", dataset.toString(), "--client",
                        Integer.toString(client), "--json", "--lang", lang);
                assertEquals(0, json.code(), json.err());
                JsonNode explanation = JSON.readTree(json.out()).get("explanation");
                double p = explanation.get("score").get("probability").asDouble();
                assertTrue(p > 0 && p < 1, "probability " + p);
                double sum = explanation.get("bias").asDouble();
                for (JsonNode f : explanation.get("features")) {
                    sum += f.get("contribution").asDouble();
                }
                assertEquals(Math.log(p / (1 - p)), sum, 1e-6, "client " + client + ": bias + contributions = the log-odds");
                assertReadsAsWords(explanation.get("summary").asText(), lang + " JSON summary of " + client);
                assertTrue(JSON.readTree(json.out()).get("peers").size() > 0, "peers are part of the explanation");
            }
        }
    }

    @Test
    void principalReasonsOnGenuineClientsNeverReadOutAMissingValue() {
        var data = LocalDataset.open(dataset).load();
        try (var scoring = com.pretadepenser.creditdesk.engine.model.ScoringModel.load(model)) {
            var scorer = new com.pretadepenser.creditdesk.engine.scoring.ClientScorer(scoring, data);
            int absent = com.pretadepenser.creditdesk.engine.explain.ReasonsClientsCanHear.check(scoring, scorer, scorer.clientIds());
            assertTrue(absent > 0, "genuine clients without history are told so: " + absent);
        }
    }

    @Test
    void explainRefusesAnUnknownClientInOneLine() {
        Result unknown = run("explain", "--model", model.toString(), "--data", dataset.toString(), "--client", "42");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("42"), unknown.err());
        assertFalse(unknown.err().contains("\tat "), "no stack trace: " + unknown.err());
    }

    @Test
    void driftComparesTheGenuineTestApplicantsWithTheTrainingDataByDefault() throws Exception {
        Path report = dir.resolve("drift.json");
        Result drift = run("drift", "--model", model.toString(), "--current", dataset.toString(), "--out", report.toString());
        assertEquals(0, drift.code(), drift.err());
        // the default reference is the training data the card names; the current batch its test applicants
        assertTrue(drift.out().contains("(test applicants, 4,874) against " + dataset + " (train applicants, 6,999)"), drift.out());
        assertTrue(drift.out().matches("(?s).*Verdict: (STABLE|MODERATE|SIGNIFICANT).*"), drift.out());
        JsonNode json = JSON.readTree(report.toFile());
        ModelCard card = ModelArtifact.read(model).card();
        assertEquals(card.featureNames().size(), json.get("features").size());
        assertEquals(6_999, json.get("reference-rows").asInt());
        assertEquals(4_874, json.get("current-rows").asInt());
        double previous = Double.MAX_VALUE;
        for (JsonNode feature : json.get("features")) {
            double psi = feature.get("psi").asDouble();
            assertTrue(psi >= 0 && Double.isFinite(psi), feature.toString());
            assertTrue(feature.get("weighted-psi").asDouble() <= previous + 1e-12, "sorted by weighted PSI: " + feature);
            previous = feature.get("weighted-psi").asDouble();
        }
        assertTrue(json.get("columns").size() > 100, "the raw application columns too");
        System.out.printf("genuine drift, test vs train: verdict %s, score PSI %.3f%n", json.get("verdict").asText(),
                json.get("score-psi").asDouble());
    }

    @Test
    void driftNamesWhatIsWrongInOneLine() {
        Result missing = run("drift", "--model", model.toString(), "--current", dir.resolve("no-such-batch").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no-such-batch"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace: " + missing.err());
        Path folderless = dir.resolve("no-such-folder").resolve("drift.json");
        Result unwritable = run("drift", "--model", model.toString(), "--current", dataset.toString(), "--out", folderless.toString());
        assertEquals(1, unwritable.code());
        assertTrue(unwritable.err().contains("its folder does not exist"), unwritable.err());
        assertFalse(Files.exists(folderless.getParent()));
    }

    @Test
    void holdoutMeasuresAucOnHeldOutGenuineApplicants() {
        Result holdout = run("holdout", "--data", dataset.toString());
        assertEquals(0, holdout.code(), holdout.err());
        Matcher auc = Pattern.compile("held-out[^\\n]*?(0\\.\\d{4})").matcher(holdout.out());
        assertTrue(auc.find(), holdout.out());
        double value = Double.parseDouble(auc.group(1));
        assertTrue(value > 0.68 && value < 0.85, "held-out AUC " + value);
    }

    @Test
    void serveAnswersEveryEndpointFromARealProcess() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcreditdesk.cache=" + System.getProperty("creditdesk.cache", dataset.resolveSibling("cache").toString()),
                "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName(),
                "serve", "--model", model.toString(), "--data", dataset.toString(), "--port", "0"));
        Process serve = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int port = -1;
            while (port < 0 && (line = out.readLine()) != null) {
                Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertTrue(port > 0, "serve printed where it listens");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            JsonNode health = JSON.readTree(get(http, base + "/health", 200));
            assertEquals(6_999 + 4_874, health.get("clients").asInt());
            assertFalse(health.get("synthetic").asBoolean());
            assertEquals(ModelArtifact.read(model).card().evaluation().threshold(), JSON.readTree(get(http, base + "/model", 200)).get("threshold").asDouble());
            String client = Integer.toString(withHistory);
            assertEquals(withHistory, JSON.readTree(get(http, base + "/clients/" + client, 200)).get("SK_ID_CURR").asInt());
            double p = JSON.readTree(get(http, base + "/clients/" + client + "/score", 200)).get("probability").asDouble();
            assertTrue(p > 0 && p < 1);
            JsonNode explanation = JSON.readTree(get(http, base + "/clients/" + withoutHistory + "/explanation?lang=fr", 200));
            assertTrue(explanation.get("summary").asText().startsWith("La demande est"), explanation.toString());
            JsonNode peers = JSON.readTree(get(http, base + "/clients/" + client + "/peers?group=similar&k=100&feature=EXT_SOURCE_2", 200));
            assertEquals(100, peers.get("group-size").asInt());
            get(http, base + "/clients/42/score", 404);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/score"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"AMT_INCOME_TOTAL\": 135000, \"AMT_CREDIT\": 406597.5,"
                            + " \"AMT_ANNUITY\": 24700.5, \"DAYS_BIRTH\": -12005, \"DAYS_EMPLOYED\": 365243,"
                            + " \"NAME_INCOME_TYPE\": \"Pensioner\", \"ORGANIZATION_TYPE\": \"XNA\", \"EXT_SOURCE_2\": 0.26}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, posted.statusCode(), posted.body());
            double newP = JSON.readTree(posted.body()).get("score").get("probability").asDouble();
            assertTrue(newP > 0 && newP < 1, posted.body());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on a termination signal");
        }
    }

    private static String get(HttpClient http, String url, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    @AfterAll
    static void noModelTrainedOnGenuineRowsOutlivesTheTest() {
        assertTrue(model == null || model.startsWith(dir), "models stay in the temporary folder");
    }
}
