package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.report.ClientReport;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the client's report (PDF, A4): the decision and probability against the threshold, the principal reasons, "
                + "what would change the decision, the client among all clients, the model, and the decision's record when it is on record.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--client", required = true, description = "The client's SK_ID_CURR.")
    int client;

    @Option(names = "--out", required = true, description = "The PDF file to write (replaced if it exists).")
    Path out;

    @Option(names = "--lang", defaultValue = "en", description = "Language of the report: en or fr. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--log", description = "The decision log where the decision's record is looked up. Default: the user's.")
    Path log;

    @Option(names = "--no-peers", description = "Leave out the client among all clients (it scores every client first: 0.5 s on the demo).")
    boolean noPeers;

    @Override
    public Integer call() {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("--lang must be en or fr, not " + lang);
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new IllegalArgumentException("--out must name a .pdf file, not " + out);
        }
        try (Session session = modelAndData.open()) {
            session.scorer().score(client); // an unknown client is refused before the peers are built
            PeerIndex peers = noPeers ? null : session.peers();
            DecisionLog decisions = log == null ? DecisionLog.forUser() : new DecisionLog(log);
            ClientReport.Content content = ClientReport.contentFor(session.model(), session.scorer(), peers, decisions, client,
                    session.synthetic(), Locale.forLanguageTag(lang));
            ClientReport.write(content, out);
            System.out.printf("report for client %d written to %s (%s)%n", client, out.toAbsolutePath(),
                    content.record().map(e -> "decision on record, hash " + e.hash().substring(0, 12)).orElse("decision not on record"));
        }
        return 0;
    }
}
