package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.peers.PeerGroup;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.Segment;
import com.pretadepenser.creditdesk.engine.scoring.ApplicationForm;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import com.pretadepenser.creditdesk.engine.session.Session;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /health, /model, /clients/{id}, /clients/{id}/score, /clients/{id}/explanation?lang=fr,
 * /clients/{id}/peers?group=all|repayers|defaulters|similar|segment&feature=F&attributes=GENDER,AGE_BAND,
 * /clients/{id}/counterfactuals?lang=fr&external-score=EXT_SOURCE_2&external-source=TEXT;
 * POST /score with a new application as a JSON object of fields. 404 for an unknown client or
 * path, 400 naming the invalid field or parameter, 413 past {@link #MAX_BODY} bytes, 405 for a
 * wrong method; every error is {@code {"error": "..."}}, never a stack trace. Each answer is one of
 * this package's reply records ({@link HealthReply}, {@link ModelReply}, {@link ApplicationReply},
 * {@link ScoreReply}, {@link ExplanationReply}, {@link PeersReply}, {@link CounterfactualsReply}, {@link ErrorReply}), whose keys
 * are kebab-case as the model card's are: the engine's own types are never written as they are.
 */
public final class ApiServer implements AutoCloseable {
    public static final int MAX_BODY = 64 * 1024;
    /** Requests served at once: a few clients that send slowly (or stall) leave the others served. */
    static final int THREADS = 16;
    /** Seconds a client has to send its whole request before the connection is closed (a stalled client frees its thread). */
    static final String REQUEST_SECONDS = "10";

    /**
     * Bytes of a refused body the server reads and discards before it answers. The JDK's server drains
     * 64 KB by default and then closes the connection while the client is still sending: the client's
     * TCP stack then resets the connection and the 413 is lost ("header parser received no bytes").
     * Draining a body up to this size keeps the answer; the request time limit bounds a slow sender.
     */
    static final String DRAIN_BYTES = String.valueOf(32 * 1024 * 1024);

    static {
        // read once, when the JDK's server first loads: set before any HttpServer is made (a -D given by the user wins)
        byDefault("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        byDefault("sun.net.httpserver.drainAmount", DRAIN_BYTES);
        // The server writes an answer's headers and body apart; with Nagle's algorithm on, the body
        // waits for the client's delayed acknowledgement of the headers (40 ms on Linux) on every request.
        byDefault("sun.net.httpserver.nodelay", "true");
    }

    private static void byDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private static final Pattern CLIENT = Pattern.compile("^/clients/([^/]+)(/score|/explanation|/peers|/counterfactuals)?/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientScorer scorer;
    private final PeerIndex peers;
    private final Explainer explainer;
    private final CounterfactualSearch counterfactuals;
    private final boolean synthetic;
    private final HttpServer server;
    private final ExecutorService executor;

    /** Serves {@code session}, whose peer index is built (or read from the cache) here if it is not yet. */
    public ApiServer(Session session, String host, int port) throws IOException {
        this.scorer = session.scorer();
        this.peers = session.peers();
        this.synthetic = session.synthetic();
        this.explainer = session.explainer();
        this.counterfactuals = session.counterfactuals();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Reply(int status, Object body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        // The engine's errors follow the request's lang (English unless lang=fr), like its explanations.
        Locale lang = "fr".equals(query(exchange.getRequestURI()).get("lang")) ? Locale.FRENCH : Locale.ENGLISH;
        try {
            reply = route(exchange);
        } catch (ClientScorer.UnknownClientException e) {
            reply = new Reply(404, ErrorReply.of(e.getLocalizedMessage(lang)));
        } catch (ApplicationForm.InvalidApplicationException e) {
            reply = new Reply(400, ErrorReply.of(e, lang));
        } catch (BadRequest e) {
            reply = new Reply(e.status, ErrorReply.of(e.getMessage()));
        } catch (CreditDeskException e) {
            reply = new Reply(400, ErrorReply.of(e.getLocalizedMessage(lang)));
        } catch (IllegalArgumentException e) {
            reply = new Reply(400, ErrorReply.of(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "API request failed: " + exchange.getRequestURI(), e);
            reply = new Reply(500, ErrorReply.of("internal error; see the server log"));
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply route(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(uri);
        if (path.equals("/score")) {
            requireMethod(method, "POST");
            return new Reply(200, scoreNew(readBody(exchange), query));
        }
        requireMethod(method, "GET");
        if (path.equals("/health")) {
            return new Reply(200, new HealthReply("ok", peers.size(), synthetic));
        }
        if (path.equals("/model")) {
            return new Reply(200, ModelReply.of(scorer.model().card()));
        }
        Matcher m = CLIENT.matcher(path);
        if (!m.matches()) {
            throw new BadRequest(404, "No such resource: " + path);
        }
        int id = clientId(m.group(1));
        String part = m.group(2) == null ? "" : m.group(2);
        return switch (part) {
            case "/score" -> new Reply(200, ScoreReply.of(scorer.score(id).score()));
            case "/explanation" -> new Reply(200, ExplanationReply.of(explainer.explain(scorer.score(id), locale(query))));
            case "/peers" -> new Reply(200, PeersReply.of(peers(id, query)));
            case "/counterfactuals" -> new Reply(200, CounterfactualsReply.of(counterfactuals.search(scorer.application(id),
                    bounds(query)), locale(query)));
            default -> new Reply(200, ApplicationReply.of(scorer.application(id), synthetic));
        };
    }

    private ExplanationReply scoreNew(byte[] body, Map<String, String> query) {
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "The body must be a JSON object of application fields, e.g. {\"AMT_CREDIT\": 406597.5}: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest(400, "Unreadable body: " + e.getMessage());
        }
        if (fields == null) {
            // the body "null" reads as no map at all (found by ApiHardeningTest's fuzzing)
            throw new BadRequest(400, "The body must be a JSON object of application fields, e.g. {\"AMT_CREDIT\": 406597.5}: got null");
        }
        var application = ApplicationForm.toApplication(fields, scorer.model().card().details().featureSchema());
        return ExplanationReply.of(explainer.explain(scorer.score(application), locale(query)));
    }

    /** The default bounds, with a newer external score when the request names the score and its source. */
    private static Counterfactual.Bounds bounds(Map<String, String> query) {
        String score = query.get("external-score");
        String source = query.get("external-source");
        if (score == null && source == null) {
            return Counterfactual.Bounds.DEFAULT;
        }
        if (score == null || source == null || source.isBlank()) {
            throw new BadRequest(400, "Parameters external-score and external-source go together, e.g. "
                    + "?external-score=EXT_SOURCE_2&external-source=bureau%20report%20of%20May");
        }
        return Counterfactual.Bounds.DEFAULT.withExternalScore(new Counterfactual.ExternalSource(score, source));
    }

    private com.pretadepenser.creditdesk.engine.peers.Distribution peers(int id, Map<String, String> query) {
        String feature = query.get("feature");
        if (feature == null || feature.isBlank()) {
            throw new BadRequest(400, "Parameter feature is required, e.g. ?feature=EXT_SOURCE_2");
        }
        if (!scorer.model().card().featureNames().contains(feature) && !safeHas(feature)) {
            throw new BadRequest(400, "Unknown feature " + feature + "; see GET /model for the model's features");
        }
        scorer.application(id); // 404 before any work for an unknown client
        String group = query.getOrDefault("group", "all");
        PeerGroup peerGroup = switch (group) {
            case "all" -> peers.all();
            case "repayers" -> peers.repayers();
            case "defaulters" -> peers.defaulters();
            case "similar" -> peers.nearest(id, parseInt(query.getOrDefault("k", "200"), "k"));
            case "segment" -> peers.segment(id, segments(query.getOrDefault("attributes", "GENDER,AGE_BAND")));
            default -> throw new BadRequest(400, "Parameter group must be all, repayers, defaulters, similar or segment, not " + group);
        };
        return peers.distribution(peerGroup, feature, peers.value(id, feature), parseInt(query.getOrDefault("bins", "30"), "bins"));
    }

    private boolean safeHas(String feature) {
        try {
            peers.column(feature);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Segment> segments(String attributes) {
        List<Segment> segments = new ArrayList<>();
        for (String name : attributes.split(",")) {
            try {
                segments.add(Segment.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "Unknown segment attribute " + name + "; use " + List.of(Segment.values()));
            }
        }
        return segments;
    }

    private static int clientId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "Client id must be a whole number (SK_ID_CURR), not \"" + text + "\"");
        }
    }

    private static int parseInt(String text, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > 100_000) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "Parameter " + name + " must be a whole number from 1 to 100000, not \"" + text + "\"");
        }
    }

    private static Locale locale(Map<String, String> query) {
        String lang = query.getOrDefault("lang", "en");
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new BadRequest(400, "Parameter lang must be en or fr, not " + lang);
        }
        return Locale.forLanguageTag(lang);
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new BadRequest(405, "Method " + method + " not allowed here; use " + expected);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BadRequest(413, "Request body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
