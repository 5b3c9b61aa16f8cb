package com.pretadepenser.creditdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over real HTTP on the loopback interface. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScoringModel model;
    private static ClientScorer scorer;
    private static Session session;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int client;

    @BeforeAll
    static void start() throws Exception {
        model = ScoringModel.load(QuickModel.get().modelDir());
        // no identity: the peer index is built, never cached
        session = Session.of(new Session.Data(QuickModel.get().modelDir(), QuickModel.get().data(), true, null), model,
                PeerIndexCache.forUser());
        scorer = session.scorer();
        server = new ApiServer(session, "127.0.0.1", 0);
        server.start();
        client = scorer.clientIds()[4];
    }

    @AfterAll
    static void stop() {
        server.close();
        session.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndModel() throws Exception {
        JsonNode health = JSON.readTree(get("/health").body());
        assertEquals("ok", health.get("status").asText());
        assertEquals(QuickModel.get().data().clientCount(), health.get("clients").asInt());
        assertTrue(health.get("synthetic").asBoolean());
        JsonNode card = JSON.readTree(get("/model").body());
        assertEquals(model.threshold(), card.get("threshold").asDouble(), 0.0);
    }

    @Test
    void clientScoreMatchesTheEngine() throws Exception {
        HttpResponse<String> response = get("/clients/" + client + "/score");
        assertEquals(200, response.statusCode());
        JsonNode score = JSON.readTree(response.body());
        assertEquals(scorer.score(client).score().probability(), score.get("probability").asDouble(), 1e-12);
        assertEquals(scorer.score(client).score().decision().name(), score.get("decision").asText());
    }

    @Test
    void clientApplicationAndFrenchExplanation() throws Exception {
        JsonNode application = JSON.readTree(get("/clients/" + client).body());
        assertEquals(client, application.get("SK_ID_CURR").asInt());
        JsonNode explanation = JSON.readTree(get("/clients/" + client + "/explanation?lang=fr").body());
        assertTrue(explanation.get("summary").asText().startsWith("La demande est"), explanation.toString());
    }

    @Test
    void peersOfAClient() throws Exception {
        JsonNode d = JSON.readTree(get("/clients/" + client + "/peers?group=similar&k=100&feature=EXT_SOURCE_2").body());
        assertEquals(100, d.get("group-size").asInt());
        JsonNode all = JSON.readTree(get("/clients/" + client + "/peers?group=all&feature=EXT_SOURCE_2&bins=10").body());
        int clients = JSON.readTree(get("/health").body()).get("clients").asInt();
        assertEquals(clients, all.get("group-size").asInt());
        assertEquals(10, all.get("bin-counts").size());
        assertEquals(0.0, JSON.readTree(get("/clients/" + client + "/peers?group=repayers&feature=EXT_SOURCE_2").body())
                .get("default-rate").asDouble());
        JsonNode segment = JSON.readTree(get("/clients/" + client + "/peers?group=segment&attributes=GENDER,AGE_BAND&feature=AMT_CREDIT").body());
        assertTrue(segment.get("group-size").asInt() > 0 && segment.get("group-size").asInt() < clients, segment.toString());
        assertEquals(400, get("/clients/" + client + "/peers?group=segment&attributes=SHOE_SIZE&feature=AMT_CREDIT").statusCode());
        assertEquals(400, get("/clients/" + client + "/peers?group=nobody&feature=EXT_SOURCE_2").statusCode());
        HttpResponse<String> noFeature = get("/clients/" + client + "/peers");
        assertEquals(400, noFeature.statusCode());
        assertTrue(noFeature.body().contains("feature is required"), noFeature.body());
    }

    @Test
    void counterfactualsOfARefusedClientAreTheEnginesInTheRequestsLanguage() throws Exception {
        int refused = java.util.Arrays.stream(scorer.clientIds())
                .filter(id -> !session.counterfactuals().search(scorer.application(id)).suggestions().isEmpty()).findFirst().orElseThrow();
        var expected = session.counterfactuals().search(scorer.application(refused));
        HttpResponse<String> response = get("/clients/" + refused + "/counterfactuals?lang=fr");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode reply = JSON.readTree(response.body());
        assertEquals("REFUSED", reply.get("decision").asText());
        assertTrue(reply.get("verdict").isNull());
        assertEquals(expected.suggestions().size(), reply.get("suggestions").size());
        for (int i = 0; i < expected.suggestions().size(); i++) {
            var c = expected.suggestions().get(i);
            JsonNode s = reply.get("suggestions").get(i);
            assertEquals(c.lever().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s.get("lever").asText());
            assertEquals(c.probability(), s.get("probability").asDouble(), 1e-12);
            assertEquals(c.sentence().format(java.util.Locale.FRENCH), s.get("sentence").asText());
            JsonNode change = s.get("changes").get(0);
            assertEquals(c.changes().get(change.get("field").asText())[1], change.get("to").asDouble(), 0.0);
        }
        assertEquals(0.3, reply.get("bounds").get("min-credit-share").asDouble(), 0.0);

        int granted = java.util.Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision()
                == com.pretadepenser.creditdesk.engine.scoring.Decision.GRANTED).findFirst().orElseThrow();
        JsonNode none = JSON.readTree(get("/clients/" + granted + "/counterfactuals").body());
        assertEquals("The application is granted as it stands.", none.get("verdict").asText());
        assertEquals(0, none.get("suggestions").size());
        HttpResponse<String> half = get("/clients/" + refused + "/counterfactuals?external-score=EXT_SOURCE_2");
        assertEquals(400, half.statusCode());
        assertTrue(half.body().contains("external-score and external-source go together"), half.body());
        HttpResponse<String> wrong = get("/clients/" + refused + "/counterfactuals?external-score=AGE&external-source=x");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("must be one of [EXT_SOURCE_1, EXT_SOURCE_2, EXT_SOURCE_3], not AGE"), wrong.body());
        assertEquals(404, get("/clients/42/counterfactuals").statusCode());
    }

    @Test
    void everyKeyIsKebabCaseButTheApplicationsColumns() throws Exception {
        String id = "/clients/" + client;
        for (String path : new String[] {"/health", "/model", id + "/score", id + "/explanation", id + "/counterfactuals",
                id + "/peers?group=segment&feature=EXT_SOURCE_2", "/clients/42", "/nothing"}) {
            assertKebabCase(JSON.readTree(get(path).body()), path);
        }
        assertKebabCase(JSON.readTree(post("/score", "{\"AMT_INCOME_TOTAL\": \"a lot\"}").body()), "POST /score, refused");
        JsonNode application = JSON.readTree(get(id).body());
        assertTrue(application.get("synthetic").asBoolean());
        assertEquals(List.of("client-id", "probability", "threshold", "decision", "margin", "band"), keys(JSON.readTree(get(id + "/score").body())));
        assertEquals(client, JSON.readTree(get(id + "/score").body()).get("client-id").asInt());
        JsonNode reason = JSON.readTree(get(id + "/explanation").body()).get("raising").get(0);
        assertEquals(List.of("family", "family-label", "contribution", "feature", "feature-label", "value"), keys(reason));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void assertKebabCase(JsonNode node, String where) {
        if (node.isArray()) {
            node.forEach(child -> assertKebabCase(child, where));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                assertTrue(field.getKey().matches("[a-z0-9]+(-[a-z0-9]+)*"), where + ": key " + field.getKey());
                assertKebabCase(field.getValue(), where);
            });
        }
    }

    @Test
    void unknownClientIs404AndMalformedIdIs400() throws Exception {
        HttpResponse<String> unknown = get("/clients/42/score");
        assertEquals(404, unknown.statusCode());
        assertTrue(JSON.readTree(unknown.body()).get("error").asText().contains("No client with SK_ID_CURR 42"));
        HttpResponse<String> unknownInFrench = get("/clients/42/explanation?lang=fr");
        assertEquals(404, unknownInFrench.statusCode());
        assertEquals("Aucun client avec le SK_ID_CURR 42 dans ce jeu de données. Vérifiez le numéro, ou saisissez la demande comme une nouvelle.",
                JSON.readTree(unknownInFrench.body()).get("error").asText());
        assertEquals(404, get("/clients/42/explanation").statusCode());
        assertEquals(404, get("/clients/42/peers?feature=EXT_SOURCE_2").statusCode());
        HttpResponse<String> malformed = get("/clients/abc");
        assertEquals(400, malformed.statusCode());
        assertEquals(404, get("/nothing/here").statusCode());
    }

    @Test
    void newApplicationIsScoredAndBadFieldsAreNamed() throws Exception {
        HttpResponse<String> ok = post("/score", "{\"AMT_INCOME_TOTAL\": 135000, \"AMT_CREDIT\": 406597.5, \"AMT_ANNUITY\": 24700.5,"
                + " \"DAYS_BIRTH\": -12005, \"DAYS_EMPLOYED\": -1188, \"NAME_INCOME_TYPE\": \"Working\", \"EXT_SOURCE_2\": 0.26,"
                + " \"NAME_CONTRACT_TYPE\": \"Cash loans\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        double p = JSON.readTree(ok.body()).get("score").get("probability").asDouble();
        assertTrue(p > 0 && p < 1);

        HttpResponse<String> bad = post("/score", "{\"AMT_INCOME_TOTAL\": \"a lot\", \"AMT_CREDIT\": 1000, \"AMT_ANNUITY\": 50,"
                + " \"DAYS_BIRTH\": -12005, \"DAYS_EMPLOYED\": -100, \"NAME_INCOME_TYPE\": \"Working\", \"COLOUR\": 3}");
        assertEquals(400, bad.statusCode());
        JsonNode error = JSON.readTree(bad.body());
        assertTrue(error.get("error").asText().contains("AMT_INCOME_TOTAL must be a number"), bad.body());
        assertTrue(error.get("error").asText().contains("COLOUR is not an application field"), bad.body());
        assertEquals(2, error.get("fields").size());
        assertEquals("AMT_INCOME_TOTAL", error.get("fields").get(0).get("field").asText(), bad.body());
        assertEquals("must be a number, got \"a lot\"", error.get("fields").get(0).get("message").asText(), bad.body());
        assertEquals(2, error.get("fields").get(0).size(), "each field error is {field, message}: " + bad.body());

        assertEquals(400, post("/score", "not json").statusCode());

        HttpResponse<String> unknownCategory = post("/score", "{\"AMT_INCOME_TOTAL\": 135000, \"AMT_CREDIT\": 406597.5,"
                + " \"AMT_ANNUITY\": 24700.5, \"DAYS_BIRTH\": -12005, \"DAYS_EMPLOYED\": -1188, \"NAME_INCOME_TYPE\": \"working\"}");
        assertEquals(400, unknownCategory.statusCode(), "a category the model never saw is not read as missing");
        JsonNode categoryError = JSON.readTree(unknownCategory.body());
        assertTrue(categoryError.get("error").asText().contains("NAME_INCOME_TYPE is \"working\", a category the model does not know"),
                unknownCategory.body());
        assertTrue(categoryError.get("error").asText().contains("did you mean \"Working\"?"), unknownCategory.body());
    }

    @Test
    void limitsAndMethodsAreEnforcedWithoutStackTraces() throws Exception {
        HttpResponse<String> large = post("/score", "{\"AMT_CREDIT\": " + "1".repeat(70_000) + "}");
        assertEquals(413, large.statusCode());
        HttpResponse<String> wrong = post("/health", "{}");
        assertEquals(405, wrong.statusCode());
        for (HttpResponse<String> r : new HttpResponse[] {large, wrong}) {
            assertFalse(r.body().contains("Exception"), r.body());
            assertFalse(r.body().contains("\tat "), r.body());
        }
    }
}
