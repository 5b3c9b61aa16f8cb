package com.pretadepenser.creditdesk.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.decisions.DecisionRecord;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordViewModelTest {
    @Test
    void confirmingRecordsTheModelsDecisionWithEverythingARegulatorAsksFor() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.REFUSED_CLIENT);
        RecordViewModel record = new RecordViewModel(main, main.clientProperty(), main.decisions());
        assertEquals("No decision recorded yet for this client.", record.historyProperty().get());
        assertTrue(record.canRecordProperty().get());

        record.record();

        List<DecisionLog.Entry> entries = main.decisions().log().entries();
        assertEquals(1, entries.size());
        DecisionRecord written = entries.get(0).record();
        var shown = main.clientProperty().get();
        assertEquals(DemoWorkspace.REFUSED_CLIENT, written.clientId());
        assertEquals(Decision.REFUSED, written.modelDecision());
        assertEquals(Decision.REFUSED, written.finalDecision());
        assertNull(written.overrideReason());
        assertEquals(shown.scored().score().probability(), written.probability(), 0);
        assertEquals(shown.scored().score().threshold(), written.threshold(), 0);
        assertEquals(DemoWorkspace.get().card().details().modelFile().sha256(), written.modelSha256());
        assertEquals(DemoWorkspace.get().manifestHash(), written.datasetHash());
        assertEquals(64, written.datasetHash().length());
        assertEquals("demo", written.dataset());
        assertEquals(System.getProperty("user.name"), written.osUser());
        assertFalse(written.machine().isBlank());
        assertEquals(shown.explanation().raising().size() + shown.explanation().lowering().size(), written.reasons().size());
        assertTrue(written.reasons().get(0).startsWith("+ "), written.reasons().toString());
        assertTrue(record.outcomeProperty().get().startsWith("Recorded: record 1, hash " + entries.get(0).hash().substring(0, 12)),
                record.outcomeProperty().get());
        assertTrue(record.historyProperty().get().startsWith("1 decision(s) on record; the last on "), record.historyProperty().get());
        assertTrue(main.decisions().log().verify().whole());
    }

    @Test
    void anOverrideWaitsForAReasonLongEnoughAndSaysSoInline() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.FRENCH, DemoWorkspace.REFUSED_CLIENT);
        RecordViewModel record = new RecordViewModel(main, main.clientProperty(), main.decisions());
        record.overrideProperty().set(true);
        assertEquals(Decision.GRANTED, record.finalDecision());
        assertFalse(record.canRecordProperty().get());
        record.reasonProperty().set("garant signé");
        assertEquals("Le motif demande au moins 20 caractères (12 saisis).", record.validationProperty().get());
        record.record();
        assertEquals(List.of(), main.decisions().log().entries(), "nothing recorded without a reason");

        record.reasonProperty().set("  Garant signé, bulletin de salaire de décembre vu  ");
        assertEquals("", record.validationProperty().get());
        record.record();
        DecisionRecord written = main.decisions().log().entries().get(0).record();
        assertEquals(Decision.REFUSED, written.modelDecision());
        assertEquals(Decision.GRANTED, written.finalDecision());
        assertEquals("Garant signé, bulletin de salaire de décembre vu", written.overrideReason());
        assertFalse(record.overrideProperty().get(), "the form is reset once recorded");
        assertEquals("", record.reasonProperty().get());
        assertTrue(record.historyProperty().get().contains("modèle contredit"), record.historyProperty().get());
    }

    @Test
    void aNewApplicationIsRecordedWithItsInputs() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.GRANTED_CLIENT);
        var newApplication = new com.pretadepenser.creditdesk.app.newapp.NewApplicationViewModel(main);
        var workspace = DemoWorkspace.get();
        var application = workspace.scorer().application(DemoWorkspace.GRANTED_CLIENT);
        newApplication.numbers().forEach(f -> f.show(application.number(f.column()), main.i18n()));
        newApplication.choices().forEach(c -> application.text(c.column()).filter(c.options()::contains).ifPresent(c.valueProperty()::set));
        assertTrue(newApplication.score(), newApplication.formErrorProperty().get());
        RecordViewModel record = new RecordViewModel(main, newApplication.resultProperty(), main.decisions());
        record.record();
        DecisionRecord written = main.decisions().log().entries().get(0).record();
        assertNull(written.clientId());
        assertEquals(application.number("AMT_CREDIT"), Double.parseDouble(written.application().get("AMT_CREDIT")), 0);
        assertTrue(written.application().containsKey("CODE_GENDER"), written.application().toString());
    }

    @Test
    void aBrokenLogIsShownAsAWarningAtStart(@TempDir Path dir) throws Exception {
        Path settings = Files.createDirectories(dir.resolve("settings"));
        DecisionLog log = new DecisionLog(settings.resolve(DecisionLog.FILE_NAME));
        log.append(new DecisionRecord("2026-12-02T10:00:00Z", "u", "m", 100001, null, "demo", "d", "default", "s",
                0.05, 0.1, Decision.GRANTED, Decision.GRANTED, null, List.of(), "1.0.0"));
        log.append(new DecisionRecord("2026-12-02T10:01:00Z", "u", "m", 100002, null, "demo", "d", "default", "s",
                0.05, 0.1, Decision.GRANTED, Decision.GRANTED, null, List.of(), "1.0.0"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log.file(), StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("100001", "100009"));
        Files.write(log.file(), lines, StandardCharsets.UTF_8);

        MainViewModel main = new MainViewModel(new com.pretadepenser.creditdesk.app.common.CurrentThreadExecutor(),
                new com.pretadepenser.creditdesk.app.common.I18n(Locale.ENGLISH), new com.pretadepenser.creditdesk.app.common.AppSettings(settings));
        String warning = main.decisions().warningProperty().get();
        assertTrue(warning.startsWith("The decision log " + log.file() + " is damaged: line 2"), warning);
        assertTrue(warning.contains("creditdesk verify-log"), warning);
    }

    @Test
    void theRecordsScreenFiltersAndExports(@TempDir Path dir) throws Exception {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.REFUSED_CLIENT);
        RecordViewModel record = new RecordViewModel(main, main.clientProperty(), main.decisions());
        record.record();
        main.load(DemoWorkspace.GRANTED_CLIENT);
        record.overrideProperty().set(true);
        record.reasonProperty().set("Income not verifiable: payslips missing");
        record.record();
        RecordsViewModel records = new RecordsViewModel(main, main.decisions());
        assertEquals(2, records.shown().size());
        records.overridesOnlyProperty().set(true);
        assertEquals(List.of(DemoWorkspace.GRANTED_CLIENT), records.shown().stream().map(e -> e.record().clientId()).toList());
        records.overridesOnlyProperty().set(false);
        records.clientProperty().set(String.valueOf(DemoWorkspace.REFUSED_CLIENT));
        assertEquals(1, records.shown().size());
        records.clientProperty().set("");
        records.officerProperty().set("nobody-here");
        assertEquals(0, records.shown().size());
        records.officerProperty().set("");
        records.fromProperty().set(java.time.LocalDate.now().plusDays(1));
        assertEquals(0, records.shown().size(), "nothing recorded tomorrow");
        records.fromProperty().set(null);

        Path out = dir.resolve("decisions.csv");
        records.export(out);
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).contains("GRANTED,REFUSED,true,Income not verifiable: payslips missing"), rows.get(2));
        assertEquals("2 records written to " + out, main.statusProperty().get());
    }

    @Test
    void theReportOfTheClientOnScreenCarriesItsRecordsHash(@TempDir Path dir) throws Exception {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.FRENCH, DemoWorkspace.REFUSED_CLIENT);
        RecordViewModel record = new RecordViewModel(main, main.clientProperty(), main.decisions());
        record.record();
        String hash = main.decisions().entries().get(0).hash();
        Path pdf = dir.resolve("rapport.pdf");
        main.writeReport(pdf);
        assertEquals("Rapport du client " + DemoWorkspace.REFUSED_CLIENT + " écrit dans " + pdf, main.statusProperty().get());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", "");
            assertTrue(text.contains("Client " + DemoWorkspace.REFUSED_CLIENT), text);
            assertTrue(text.contains(hash), "the record's hash in the footer: " + text);
            assertTrue(text.contains("Parmi tous les clients"), text);
        }
    }
}
