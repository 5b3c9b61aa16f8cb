package com.pretadepenser.creditdesk.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.decisions.DecisionRecord;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexBuilder;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientReportTest {
    private static ScoringModel model;
    private static ClientScorer scorer;
    private static PeerIndex peers;
    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        scorer = new ClientScorer(model, QuickModel.get().data());
        peers = PeerIndexBuilder.build(model, QuickModel.get().data(), scorer.history(), ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int clientWith(Decision decision) {
        return Arrays.stream(scorer.clientIds()).filter(id -> scorer.score(id).score().decision() == decision).findFirst().orElseThrow();
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertTrue(document.getNumberOfPages() <= 2, "one or two pages: " + document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aRefusalSaysItsReasonsAndTheRecordInEnglish() throws Exception {
        int refused = clientWith(Decision.REFUSED);
        var scored = scorer.score(refused);
        DecisionLog log = new DecisionLog(dir.resolve("decisions.jsonl"));
        DecisionLog.Entry entry = log.append(new DecisionRecord("2026-12-02T10:00:00Z", "jdupont", "desk-7", refused, null, "demo", "d",
                model.card().details().name(), model.card().details().modelFile().sha256(), scored.score().probability(), scored.score().threshold(),
                Decision.REFUSED, Decision.REFUSED, null, List.of(), "1.0.0"));
        ClientReport.Content content = ClientReport.contentFor(model, scorer, peers, log, refused, true, Locale.ENGLISH);
        Path pdf = dir.resolve("report.pdf");
        ClientReport.write(content, pdf);
        String text = text(pdf);
        assertTrue(text.contains("Credit decision report"), text);
        assertTrue(text.contains("Client " + refused), text);
        assertTrue(text.contains("REFUSED"), text);
        assertTrue(text.contains("DEMO — SYNTHETIC DATA"), text);
        assertTrue(text.contains("Principal reasons for the refusal"), text);
        assertTrue(!content.explanation().raising().isEmpty() && content.explanation().raising().size() <= 4);
        for (var reason : content.explanation().raising()) {
            assertTrue(text.replace("\n", " ").contains(reason.value()), "reason value " + reason.value() + " in " + text);
        }
        assertTrue(text.contains("What would change the decision"), text);
        String flat = text.replaceAll("\\s+", " ");
        var search = content.counterfactual();
        List<String> said = search.verdict().isPresent() ? List.of(search.verdict().get().format(Locale.ENGLISH))
                : search.suggestions().stream().map(c -> c.sentence().format(Locale.ENGLISH)).toList();
        for (String sentence : said) {
            String start = sentence.replaceAll("\\s+", " ").substring(0, Math.min(60, sentence.length()));
            assertTrue(flat.contains(start), "the suggestion \"" + start + "\" in " + flat);
        }
        assertTrue(text.contains("Among all clients"), text);
        assertEquals(ClientReport.PEER_FEATURES, content.peers().size());
        assertTrue(text.replace("\n", "").contains(entry.hash()), "the record's hash in the footer: " + text);
        assertTrue(text.contains("jdupont"), text);
        assertTrue(text.contains(model.card().details().modelFile().sha256().substring(0, 16)), text);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.toString().endsWith(".partial")).count(), "no partial file left");
        }
    }

    @Test
    void aGrantInFrenchKeepsItsAccentsAndSaysItIsNotOnRecord() throws Exception {
        int granted = clientWith(Decision.GRANTED);
        ClientReport.Content content = ClientReport.contentFor(model, scorer, null, new DecisionLog(dir.resolve("none.jsonl")), granted,
                false, Locale.FRENCH);
        Path pdf = dir.resolve("rapport.pdf");
        ClientReport.write(content, pdf);
        String text = text(pdf);
        assertTrue(text.contains("Rapport de décision de crédit"), text);
        assertTrue(text.contains("ACCEPTÉE"), text);
        assertTrue(text.contains("Principaux atouts de la demande"), text);
        assertTrue(text.contains("La demande est accordée telle quelle."), text);
        assertTrue(text.contains("Probabilité estimée de difficultés de paiement"), text);
        assertTrue(text.contains("n'est pas enregistrée dans le registre"), text);
        assertTrue(text.contains("Pas de comparaison avec les autres clients"), text);
        assertFalse(text.contains("SYNTHÉTIQUES"), "no demo marker for a real dataset: " + text);
    }

    @Test
    void aFolderThatIsNotThereIsNamedAndNothingIsWritten() {
        ClientReport.Content content = ClientReport.contentFor(model, scorer, null, null, clientWith(Decision.GRANTED), false, Locale.ENGLISH);
        Path nowhere = dir.resolve("missing").resolve("report.pdf");
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> ClientReport.write(content, nowhere));
        assertTrue(e.getMessage().contains("its folder does not exist"), e.getMessage());
        assertFalse(Files.exists(nowhere));
    }
}
