package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.api.ApiServer;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a local JSON API over a dataset and a model (GET /health, /model, /clients/{id}[/score|/explanation|/peers], POST /score).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--port", defaultValue = "8080", description = "Port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind; the default keeps the API on this machine. Default: ${DEFAULT-VALUE}.")
    String host;

    @Override
    public Integer call() throws Exception {
        Session session = modelAndData.open();
        PeerIndex peers = session.peers(); // scored (or read from the cache) before the first request
        ApiServer server = new ApiServer(session, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            session.close();
            stopped.countDown();
        }));
        server.start();
        System.out.printf("serving %,d clients%s with model \"%s\" on http://%s:%d/ (Ctrl+C to stop)%n", peers.size(),
                session.synthetic() ? " (SYNTHETIC data)" : "", session.card().details().name(), host, server.port());
        stopped.await();
        return 0;
    }
}
