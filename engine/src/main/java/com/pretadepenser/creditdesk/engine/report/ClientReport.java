package com.pretadepenser.creditdesk.engine.report;

import com.pretadepenser.creditdesk.engine.CreditDeskVersion;
import com.pretadepenser.creditdesk.engine.Palette;
import com.pretadepenser.creditdesk.engine.data.AtomicFile;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.scoring.GaugeScale;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import com.pretadepenser.creditdesk.engine.scoring.Score;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The client's report, in French or English: who and when, the decision and probability against
 * the threshold on a vector gauge, the principal reasons (at most four, those of the refusal for a
 * refused application), what would change the decision, the client among all clients on the
 * features that weigh most, the model and, when the decision is on record, its record's hash.
 * Fonts embedded (DejaVu Sans, subset), text selectable.
 */
public final class ClientReport {
    private static final float MARGIN = 56;
    private static final float FOOTER = 70;
    static final int PEER_FEATURES = 3;

    /** A feature the client is placed on among all clients. */
    public record PeerLine(String label, String value, double percentile) {
    }

    /**
     * What the report says.
     *
     * @param clientId       null for a new application
     * @param counterfactual the search for a change that grants; null when not searched
     * @param record         the decision's record in the log, when it is on record
     */
    public record Content(Integer clientId, Explanation explanation, Counterfactual.Search counterfactual, List<PeerLine> peers,
                          ModelCard card, boolean synthetic, Optional<DecisionLog.Entry> record, Instant date, Locale locale) {
    }

    private ClientReport() {
    }

    /**
     * The report of a client of a dataset: explained and searched for a change, placed among all
     * clients when {@code peers} is given, with the latest record of this client, model and
     * probability in {@code log} when there is one.
     */
    public static Content contentFor(ScoringModel model, ClientScorer scorer, PeerIndex peers, DecisionLog log, int clientId,
                                     boolean synthetic, Locale locale) {
        ClientScorer.ScoredClient scored = scorer.score(clientId);
        Explanation explanation = new Explainer(model.card().details().featureSchema()).explain(scored, locale);
        Counterfactual.Search search = new CounterfactualSearch(scorer).search(scorer.application(clientId));
        List<PeerLine> lines = new ArrayList<>();
        if (peers != null) {
            HumanValues values = new HumanValues(model.card().details().featureSchema(), locale);
            scored.contributions().stream()
                    .filter(c -> !FeaturePipeline.isCategorical(c.feature()) && !Double.isNaN(c.value()))
                    .limit(PEER_FEATURES)
                    .forEach(c -> {
                        Distribution d = peers.distribution(peers.all(), c.feature(), c.value(), 20);
                        lines.add(new PeerLine(FeatureLabels.label(c.feature(), locale), values.format(c.feature(), c.value()),
                                d.percentile(HumanValues.readsBackwards(c.feature()))));
                    });
        }
        Optional<DecisionLog.Entry> record = Optional.empty();
        if (log != null) {
            double probability = scored.score().probability();
            record = log.entries().stream()
                    .filter(e -> Integer.valueOf(clientId).equals(e.record().clientId())
                            && model.card().details().modelFile().sha256().equals(e.record().modelSha256())
                            && Math.abs(e.record().probability() - probability) < 1e-12)
                    .reduce((first, second) -> second);
        }
        return new Content(clientId, explanation, search, lines, model.card(), synthetic, record, Instant.now(), locale);
    }

    /** Writes the report to {@code out} (replacing it), whole or not at all ({@link AtomicFile}). */
    public static void write(Content content, Path out) {
        AtomicFile.write(out, partial -> {
            try (PDDocument document = new PDDocument()) {
                new Layout(document, content).draw();
                document.save(partial.toFile());
            }
        });
    }

    /** One document's drawing: a cursor going down the page, a new page when it runs out. */
    private static final class Layout {
        private final PDDocument document;
        private final Content content;
        private final ResourceBundle texts;
        private final PDFont regular;
        private final PDFont bold;
        private final NumberFormat oneDecimal;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Layout(PDDocument document, Content content) throws IOException {
            this.document = document;
            this.content = content;
            Locale language = content.locale().getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
            this.texts = ResourceBundle.getBundle("com.pretadepenser.creditdesk.engine.report.report", language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.regular = font("DejaVuSans.ttf");
            this.bold = font("DejaVuSans-Bold.ttf");
            this.oneDecimal = NumberFormat.getNumberInstance(language);
            oneDecimal.setMinimumFractionDigits(1);
            oneDecimal.setMaximumFractionDigits(1);
        }

        private PDFont font(String name) throws IOException {
            try (InputStream in = ClientReport.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("the font " + name + " is missing from the CreditDesk jar");
                }
                return PDType0Font.load(document, in);
            }
        }

        private String text(String key, Object... args) {
            return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
        }

        private String percent(double probability) {
            return oneDecimal.format(100 * probability) + " %";
        }

        void draw() throws IOException {
            newPage();
            Score score = content.explanation().score();
            boolean refused = score.decision() == Decision.REFUSED;
            // header
            line(bold, 18, Palette.INK, text("title"));
            line(regular, 10, Palette.MUTED, text("company"));
            y -= 6;
            String who = content.clientId() == null ? text("newApplication") : text("client", String.valueOf(content.clientId()));
            String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(content.date());
            line(bold, 12, Palette.INK, who + "   \u00b7   " + text("date", when));
            if (content.synthetic()) {
                y -= 4;
                badge(text("synthetic"), Palette.YELLOW, Palette.INK, 10);
            }
            y -= 10;
            // gauge, then the decision beside it
            float gaugeTop = y;
            float radius = 78;
            float cx = MARGIN + radius + 14;
            float cy = y - radius - 14;
            gauge(cx, cy, radius, score.probability(), score.threshold());
            float textX = MARGIN + 2 * radius + 50;
            y = gaugeTop - 24;
            badgeAt(textX, refused ? text("refused") : text("granted"), refused ? Palette.VERMILION : Palette.GREEN, Color.WHITE, 16);
            y -= 12;
            wrapped(regular, 10.5f, Palette.INK, textX, PDRectangle.A4.getWidth() - MARGIN - textX,
                    text("probability", percent(score.probability()), percent(score.threshold())));
            wrapped(regular, 10.5f, Palette.MUTED, textX, PDRectangle.A4.getWidth() - MARGIN - textX,
                    text(score.margin() >= 0 ? "margin.above" : "margin.below", oneDecimal.format(Math.abs(100 * score.margin())),
                            text("band." + score.band().name())));
            y = Math.min(y, cy - 24);
            // reasons
            heading(refused ? text("reasons.refused") : text("reasons.granted"));
            List<Explanation.Reason> reasons = refused ? content.explanation().raising() : content.explanation().lowering();
            if (reasons.isEmpty()) {
                paragraph(regular, 10.5f, Palette.MUTED, text("reasons.none"));
            }
            for (Explanation.Reason r : reasons) {
                String said = r.featureLabel().isEmpty() ? capitalise(r.familyLabel()) + " : " + r.value()
                        : capitalise(r.familyLabel()) + " \u2014 " + r.featureLabel() + " : " + r.value();
                bullet(content.locale().getLanguage().equals("fr") ? said : said.replace(" : ", ": "));
            }
            // what would change it
            if (content.counterfactual() != null) {
                heading(text("change.title"));
                Counterfactual.Search search = content.counterfactual();
                if (search.verdict().isPresent()) {
                    paragraph(regular, 10.5f, Palette.INK, search.verdict().get().format(content.locale()));
                } else {
                    paragraph(regular, 10.5f, Palette.INK, text("change.found"));
                    for (Counterfactual suggestion : search.suggestions()) {
                        bullet(suggestion.sentence().format(content.locale()));
                    }
                }
            }
            // peers
            heading(text("peers.title"));
            if (content.peers().isEmpty()) {
                paragraph(regular, 10.5f, Palette.MUTED, text("peers.none"));
            }
            for (PeerLine p : content.peers()) {
                bullet(text("peers.line", p.label(), p.value(), Math.round(p.percentile()) + " %"));
            }
            y -= 8;
            paragraph(regular, 9, Palette.MUTED, text("notice"));
            stream.close();
            footers();
        }

        private static String capitalise(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages.add(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float needed) throws IOException {
            if (y - needed < FOOTER) {
                newPage();
            }
        }

        private void line(PDFont font, float size, Color colour, String text) throws IOException {
            room(size * 1.4f);
            y -= size * 1.25f;
            show(font, size, colour, MARGIN, y, text);
            y -= size * 0.25f;
        }

        private void heading(String text) throws IOException {
            y -= 10;
            room(40);
            line(bold, 12, Palette.BLUE, text);
            y -= 2;
        }

        private void paragraph(PDFont font, float size, Color colour, String text) throws IOException {
            wrapped(font, size, colour, MARGIN, width, text);
        }

        private void bullet(String text) throws IOException {
            List<String> lines = wrap(regular, 10.5f, text, width - 14);
            for (int i = 0; i < lines.size(); i++) {
                room(14);
                y -= 13.5f;
                if (i == 0) {
                    show(regular, 10.5f, Palette.INK, MARGIN, y, "\u2022");
                }
                show(regular, 10.5f, Palette.INK, MARGIN + 14, y, lines.get(i));
            }
            y -= 2;
        }

        private void wrapped(PDFont font, float size, Color colour, float x, float maxWidth, String text) throws IOException {
            for (String l : wrap(font, size, text, maxWidth)) {
                room(size * 1.35f);
                y -= size * 1.35f;
                show(font, size, colour, x, y, l);
            }
            y -= 3;
        }

        private static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String tried = current.length() == 0 ? word : current + " " + word;
                if (font.getStringWidth(tried) / 1000 * size > maxWidth && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(tried);
                }
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            return lines;
        }

        private void show(PDFont font, float size, Color colour, float x, float atY, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(colour);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        private void badge(String text, Color fill, Color ink, float size) throws IOException {
            badgeAt(MARGIN, text, fill, ink, size);
        }

        private void badgeAt(float x, String text, Color fill, Color ink, float size) throws IOException {
            float textWidth = bold.getStringWidth(text) / 1000 * size;
            float height = size * 1.7f;
            room(height);
            y -= height;
            stream.setNonStrokingColor(fill);
            stream.addRect(x, y, textWidth + size * 1.2f, height);
            stream.fill();
            show(bold, size, ink, x + size * 0.6f, y + size * 0.5f, text);
        }

        /** The half-dial: the four risk bands, tick labels, the threshold's thick tick and the needle. */
        private void gauge(float cx, float cy, float radius, double probability, double threshold) throws IOException {
            float band = 18;
            double[] edges = {0, RiskBand.MODERATE.lowerEdge(threshold), RiskBand.HIGH.lowerEdge(threshold),
                    RiskBand.VERY_HIGH.lowerEdge(threshold), 1};
            for (int b = 0; b < 4; b++) {
                double from = angle(edges[b]);
                double to = angle(edges[b + 1]);
                int steps = Math.max(2, (int) Math.ceil(Math.abs(from - to) / 2));
                stream.setNonStrokingColor(Palette.band(b));
                for (int i = 0; i <= steps; i++) {
                    double a = Math.toRadians(from + (to - from) * i / steps);
                    float px = (float) (cx + radius * Math.cos(a));
                    float py = (float) (cy + radius * Math.sin(a));
                    if (i == 0) {
                        stream.moveTo(px, py);
                    } else {
                        stream.lineTo(px, py);
                    }
                }
                for (int i = steps; i >= 0; i--) {
                    double a = Math.toRadians(from + (to - from) * i / steps);
                    stream.lineTo((float) (cx + (radius - band) * Math.cos(a)), (float) (cy + (radius - band) * Math.sin(a)));
                }
                stream.closePath();
                stream.fill();
            }
            for (double tick : GaugeScale.TICKS) {
                double a = Math.toRadians(angle(tick));
                String label = Math.round(100 * tick) + "%";
                float w = regular.getStringWidth(label) / 1000 * 7;
                float tx = (float) (cx + (radius + 9) * Math.cos(a)) - w / 2;
                float ty = (float) (cy + (radius + 9) * Math.sin(a)) - 2;
                show(regular, 7, Palette.MUTED, tx, ty, label);
            }
            double t = Math.toRadians(angle(threshold));
            stream.setStrokingColor(Palette.INK);
            stream.setLineWidth(3);
            stream.moveTo((float) (cx + (radius - band - 5) * Math.cos(t)), (float) (cy + (radius - band - 5) * Math.sin(t)));
            stream.lineTo((float) (cx + (radius + 3) * Math.cos(t)), (float) (cy + (radius + 3) * Math.sin(t)));
            stream.stroke();
            double n = Math.toRadians(angle(probability));
            stream.setLineWidth(2.5f);
            stream.moveTo(cx, cy);
            stream.lineTo((float) (cx + (radius - band - 4) * Math.cos(n)), (float) (cy + (radius - band - 4) * Math.sin(n)));
            stream.stroke();
            stream.setNonStrokingColor(Palette.INK);
            for (int i = 0; i <= 24; i++) {
                double a = 2 * Math.PI * i / 24;
                if (i == 0) {
                    stream.moveTo((float) (cx + 5 * Math.cos(a)), (float) (cy + 5 * Math.sin(a)));
                } else {
                    stream.lineTo((float) (cx + 5 * Math.cos(a)), (float) (cy + 5 * Math.sin(a)));
                }
            }
            stream.closePath();
            stream.fill();
        }

        private static double angle(double probability) {
            return 180 * (1 - GaugeScale.position(probability));
        }

        /** On each page: the model, the decision's record (or that it is not on record), the page number. */
        private void footers() throws IOException {
            ModelCard card = content.card();
            String model = text("model", card.details().name(), card.details().trainedAt() == null ? "?" : card.details().trainedAt().substring(0, Math.min(10, card.details().trainedAt().length())),
                    card.details().modelFile().sha256().substring(0, 16), CreditDeskVersion.get());
            String record = content.record().map(e -> text("record.yes",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(Instant.parse(e.record().time())),
                    e.record().osUser(), text(e.record().finalDecision() == Decision.GRANTED ? "granted" : "refused"), e.hash()))
                    .orElse(text("record.no"));
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream = footer;
                    stream.setStrokingColor(Palette.RULE);
                    stream.setLineWidth(0.5f);
                    stream.moveTo(MARGIN, FOOTER - 8);
                    stream.lineTo(PDRectangle.A4.getWidth() - MARGIN, FOOTER - 8);
                    stream.stroke();
                    float at = FOOTER - 20;
                    for (String l : wrap(regular, 7.5f, model, width)) {
                        show(regular, 7.5f, Palette.MUTED, MARGIN, at, l);
                        at -= 10;
                    }
                    for (String l : wrap(regular, 7.5f, record, width)) {
                        show(regular, 7.5f, Palette.MUTED, MARGIN, at, l);
                        at -= 10;
                    }
                    String page = text("page", i + 1, pages.size());
                    show(regular, 7.5f, Palette.MUTED, PDRectangle.A4.getWidth() - MARGIN - regular.getStringWidth(page) / 1000 * 7.5f, at, page);
                }
            }
        }
    }
}
