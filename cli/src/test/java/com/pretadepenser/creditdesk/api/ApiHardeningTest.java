package com.pretadepenser.creditdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API against what a program can send: a bounded, seeded fuzzing campaign over
 * {@code POST /score} (wrong types, missing fields, huge numbers, unknown categories, deep or huge
 * JSON, invalid UTF-8), and a bounded load run on loopback (8 concurrent clients) while slow and
 * oversized clients hold connections. No request may get a 500, hang, or stall the others.
 * {@code -Dcreditdesk.fuzz.inputs=N} and {@code -Dcreditdesk.api.requests=N} run longer.
 */
class ApiHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INPUTS = Integer.getInteger("creditdesk.fuzz.inputs", 240);
    private static final int REQUESTS = Integer.getInteger("creditdesk.api.requests", 4_000);
    private static final long SEED = Long.getLong("creditdesk.fuzz.seed", 20261202L);
    private static final String VALID = "{\"AMT_INCOME_TOTAL\": 135000, \"AMT_CREDIT\": 406597.5, \"AMT_ANNUITY\": 24700.5,"
            + " \"DAYS_BIRTH\": -12005, \"DAYS_EMPLOYED\": -1188, \"NAME_INCOME_TYPE\": \"Working\", \"EXT_SOURCE_2\": 0.26,"
            + " \"NAME_CONTRACT_TYPE\": \"Cash loans\"}";
    private static final String[] ODD_VALUES = {"\"a lot\"", "1e999", "-1e999", "NaN", "null", "true", "[]", "{}", "\"\"",
            "123456789012345678901234567890", "-0", "\"Working\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(70_000) + "\"",
            "0.5e-400", "\"Martian\"", "[1, 2, 3]", "-1", "99999999999999999999.5"};

    private static Session session;
    private static ApiServer server;
    private static int client;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        ScoringModel model = ScoringModel.load(QuickModel.get().modelDir());
        session = Session.of(new Session.Data(QuickModel.get().modelDir(), QuickModel.get().data(), true, null), model,
                PeerIndexCache.forUser());
        server = new ApiServer(session, "127.0.0.1", 0);
        server.start();
        client = session.scorer().clientIds()[7];
    }

    @AfterAll
    static void stop() {
        server.close();
        session.close();
    }

    private static HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyMutatedApplicationGetsAnAnswerThatSaysWhatIsWrong() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        for (int input = 0; input < INPUTS; input++) {
            byte[] body = mutate(rng);
            HttpResponse<byte[]> response = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> post("/score", body),
                    "input " + input);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String what = "input " + input + " (" + new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8) + "...) -> "
                    + response.statusCode() + " " + text.substring(0, Math.min(text.length(), 300));
            JsonNode reply;
            try {
                reply = JSON.readTree(text);
            } catch (Exception e) {
                defects.add(what + ": not JSON");
                continue;
            }
            if (response.statusCode() == 200) {
                double p = reply.path("score").path("probability").asDouble(Double.NaN);
                if (!(p >= 0 && p <= 1)) {
                    defects.add(what + ": a 200 without a probability");
                }
            } else if (response.statusCode() == 400 || response.statusCode() == 413) {
                String error = reply.path("error").asText("");
                if (error.isBlank() || error.contains("Exception") || error.contains("\tat ")) {
                    defects.add(what + ": an error that says nothing, or a stack trace");
                }
            } else {
                defects.add(what + ": unexpected status");
            }
        }
        System.out.printf("POST /score fuzzing (seed %d): %d inputs, statuses %s, %d defects%n", SEED, INPUTS, statuses, defects.size());
        assertEquals(List.of(), defects);
        assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(400, 0) > INPUTS / 4, statuses.toString());
    }

    private static byte[] mutate(SplittableRandom rng) throws Exception {
        int kind = rng.nextInt(10);
        switch (kind) {
            case 0 -> {
                // deep nesting
                int depth = 1 + rng.nextInt(20_000);
                return ("{\"AMT_CREDIT\": " + "[".repeat(depth) + "1" + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                // invalid UTF-8 in a text field
                byte[] head = "{\"NAME_INCOME_TYPE\": \"Work".getBytes(StandardCharsets.UTF_8);
                byte[] out = Arrays.copyOf(head, head.length + 4);
                out[head.length] = (byte) 0xC3;
                out[head.length + 1] = (byte) 0x28;
                out[head.length + 2] = '"';
                out[head.length + 3] = '}';
                return out;
            }
            case 2 -> {
                // truncated JSON
                return VALID.substring(0, rng.nextInt(VALID.length())).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                // a field missing
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                node.remove(names.get(rng.nextInt(names.size())));
                return JSON.writeValueAsBytes(node);
            }
            case 4 -> {
                // huge body of many fields
                StringBuilder b = new StringBuilder("{");
                for (int i = 0; i < 2_000 + rng.nextInt(20_000); i++) {
                    b.append("\"F").append(i).append("\": ").append(i).append(',');
                }
                return b.append("\"AMT_CREDIT\": 1}").toString().getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                // not an object
                return new String[] {"[]", "42", "\"text\"", "null", "", " ", "{", "}"}[rng.nextInt(8)].getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                // a valid application, or one with an unknown field
                return (rng.nextBoolean() ? VALID : VALID.replace("}", ", \"COLOUR\": \"blue\"}")).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                // one field given an odd value
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                String field = names.get(rng.nextInt(names.size()));
                String text = JSON.writeValueAsString(node);
                String value = ODD_VALUES[rng.nextInt(ODD_VALUES.length)];
                return text.replaceFirst("\"" + field + "\":[^,}]*", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void eightClientsAtOnceGetEveryAnswerWhileSlowAndOversizedClientsHoldConnections() throws Exception {
        // two clients that send half a request and wait, one that sends a body far over the limit
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"AMT")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(socket);
        }
        ExecutorService clients = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> oversized = clients.submit(() -> post("/score", new byte[5_000_000]).statusCode());
            ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            double[] millis = new double[REQUESTS];
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < 8; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        int status;
                        try {
                            status = switch (i % 4) {
                                case 0 -> get("/clients/" + client + "/score").statusCode();
                                case 1 -> get("/clients/" + client + "/explanation").statusCode();
                                case 2 -> get("/health").statusCode();
                                default -> post("/score", VALID.getBytes(StandardCharsets.UTF_8)).statusCode();
                            };
                        } catch (Exception e) {
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        millis[i] = (System.nanoTime() - t) / 1e6;
                        if (status != 200) {
                            errors.computeIfAbsent("HTTP " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (Future<?> f : running) {
                    f.get();
                }
            }, "the load run did not finish: a slow client stalled the others?");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(413, (int) oversized.get(), "a body over the limit is refused");
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("API load: %,d requests from 8 clients in %.1f s (%.0f/s) beside 2 stalled and 1 oversized client;"
                            + " p50 %.2f ms, p99 %.2f ms, max %.1f ms; errors %s%n", REQUESTS, seconds, REQUESTS / seconds,
                    com.pretadepenser.creditdesk.engine.stats.Statistics.nearestRankOfSorted(sorted, 0.5),
                    com.pretadepenser.creditdesk.engine.stats.Statistics.nearestRankOfSorted(sorted, 0.99), sorted[sorted.length - 1], errors);
            assertEquals(Map.of(), Map.copyOf(errors));
        } finally {
            clients.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
        assertFalse(server.port() == 0);
    }
}
