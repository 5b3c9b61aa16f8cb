package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.DatasetShards;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Distributed training for real: worker JVMs on 127.0.0.1 over LightGBM's network, on free ports
 * chosen at run time, over a synthetic dataset split by {@code shard}; a held-out synthetic
 * dataset to compare the model with one trained in one process.
 */
class DistributedTrainingTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static Path heldOut;
    static Path shards;
    private static PrintStream originalOut;
    private static PrintStream originalErr;

    /** The settings both runs share: few rounds, one thread per worker. */
    static final List<String> SETTINGS = List.of("--folds", "3", "--max-rounds", "150", "--early-stopping", "20",
            "--param", "learning_rate=0.1", "--param", "num_threads=1");

    @BeforeAll
    static void generateAndShard() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        dataset = dir.resolve("ds");
        heldOut = dir.resolve("held-out");
        shards = dir.resolve("shards");
        assertEquals(0, CreditDeskCli.run("generate", "--clients", "4000", "--seed", "31", "--out", dir.resolve("csv").toString()));
        assertEquals(0, CreditDeskCli.run("import", "--from", dir.resolve("csv").toString(), "--to", dataset.toString()));
        assertEquals(0, CreditDeskCli.run("generate", "--clients", "3000", "--seed", "32", "--out", dir.resolve("csv2").toString()));
        assertEquals(0, CreditDeskCli.run("import", "--from", dir.resolve("csv2").toString(), "--to", heldOut.toString()));
        assertEquals(0, CreditDeskCli.run("shard", "--data", dataset.toString(), "--parts", "2", "--out", shards.toString()));
    }

    @AfterAll
    static void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static int[] freePorts(int n) throws Exception {
        List<ServerSocket> held = new ArrayList<>();
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            ServerSocket socket = new ServerSocket(0);
            held.add(socket);
            ports[i] = socket.getLocalPort();
        }
        for (ServerSocket socket : held) {
            socket.close();
        }
        return ports;
    }

    private static Process worker(int rank, int[] ports, Path model, String tag, List<String> settings) throws Exception {
        return worker(rank, ports, model, tag, settings, 30);
    }

    private static Process worker(int rank, int[] ports, Path model, String tag, List<String> settings, int timeout) throws Exception {
        return worker(rank, ports, shards, model, tag, settings, timeout);
    }

    /** Worker {@code rank} of {@code ports.length - 1}: LightGBM's ports first, the control port last. */
    private static Process worker(int rank, int[] ports, Path shardFolder, Path model, String tag, List<String> settings, int timeout)
            throws Exception {
        List<String> machines = new ArrayList<>();
        for (int k = 0; k < ports.length - 1; k++) {
            machines.add("127.0.0.1:" + ports[k]);
        }
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx600m",
                "-Dcreditdesk.cache=" + System.getProperty("creditdesk.cache", dir.resolve("cache").toString()),
                "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName(),
                "train", "--data", DatasetShards.partFolder(shardFolder, rank).toString(),
                "--machines", String.join(",", machines), "--rank", Integer.toString(rank),
                "--control-port", Integer.toString(ports[ports.length - 1]), "--timeout", Integer.toString(timeout)));
        if (rank == 0) {
            line.addAll(List.of("--out", model.toString()));
        }
        line.addAll(settings);
        return new ProcessBuilder(line).redirectOutput(dir.resolve(tag + "-" + rank + ".out").toFile())
                .redirectError(dir.resolve(tag + "-" + rank + ".err").toFile()).start();
    }

    private static String read(String tag, int rank, String stream) throws Exception {
        return Files.readString(dir.resolve(tag + "-" + rank + "." + stream), StandardCharsets.UTF_8);
    }

    private static double heldOutAuc(Path model) {
        HomeCreditData data = LocalDataset.open(heldOut).load();
        Table applicants = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        try (ScoringModel scoring = ScoringModel.load(model)) {
            return Statistics.auc(scoring.probabilities(applicants, new ClientHistory(data)), applicants.intColumn("TARGET").asIntArray());
        }
    }

    @Test
    void twoWorkersTrainTheModelOneProcessTrains() throws Exception {
        int[] ports = freePorts(3);
        Path model = dir.resolve("model-2");
        Process rank0 = worker(0, ports, model, "ok", SETTINGS);
        Process rank1 = worker(1, ports, model, "ok", SETTINGS);
        assertTrue(rank0.waitFor(120, TimeUnit.SECONDS) && rank1.waitFor(30, TimeUnit.SECONDS), "both workers end");
        assertEquals(0, rank0.exitValue(), read("ok", 0, "err"));
        assertEquals(0, rank1.exitValue(), read("ok", 1, "err"));
        assertTrue(read("ok", 1, "out").contains("worker 1 of 2 done"), read("ok", 1, "out"));

        ModelCard card = ModelArtifact.read(model).card();
        ModelCard.DistributedTraining distributed = card.training().distributed();
        assertEquals(2, distributed.machines());
        assertEquals("data", distributed.treeLearner());
        assertEquals(card.training().trainingData().labelledRows(), distributed.shards().stream().mapToInt(ModelCard.Shard::labelledRows).sum());
        assertEquals(LocalDataset.open(dataset).load().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().rowCount(),
                card.training().trainingData().labelledRows(), "every labelled applicant of every shard");
        assertEquals(64, distributed.shards().get(1).sha256().length());
        assertTrue(read("ok", 1, "out").contains(card.details().modelFile().sha256()), "worker 1 ended with rank 0's model");

        Path single = dir.resolve("model-1");
        List<String> one = new ArrayList<>(List.of("train", "--data", dataset.toString(), "--out", single.toString(),
                "--tune", "off", "--no-prune", "--imbalance", "none"));
        one.addAll(SETTINGS.subList(0, SETTINGS.size() - 2));
        one.addAll(List.of("--param", "num_threads=2"));
        assertEquals(0, CreditDeskCli.run(one.toArray(String[]::new)));
        double distributedAuc = heldOutAuc(model);
        double singleAuc = heldOutAuc(single);
        assertTrue(Math.abs(distributedAuc - singleAuc) < 0.005, "held-out AUC " + distributedAuc + " on 2 workers, " + singleAuc + " in one process");
        assertTrue(singleAuc > 0.65, "a model that learnt: " + singleAuc);

        // Batch scoring over the shards on two processes, merged: what scoring the whole dataset writes.
        Process[] scoring = new Process[2];
        for (int k = 0; k < 2; k++) {
            scoring[k] = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx600m",
                    "-Dcreditdesk.cache=" + dir.resolve("cache"), "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName(),
                    "score", "--model", model.toString(), "--data", DatasetShards.partFolder(shards, k).toString(),
                    "--out", dir.resolve("scores-" + k + ".csv").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("score-" + k + ".err").toFile()).start();
        }
        for (int k = 0; k < 2; k++) {
            assertTrue(scoring[k].waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, scoring[k].exitValue(), Files.readString(dir.resolve("score-" + k + ".err")));
        }
        assertEquals(0, CreditDeskCli.run("merge-scores", dir.resolve("scores-0.csv").toString(), dir.resolve("scores-1.csv").toString(),
                "--out", dir.resolve("merged.csv").toString()));
        assertEquals(0, CreditDeskCli.run("score", "--model", model.toString(), "--data", dataset.toString(),
                "--out", dir.resolve("whole.csv").toString()));
        List<String> whole = new ArrayList<>(Files.readAllLines(dir.resolve("whole.csv")));
        List<String> merged = Files.readAllLines(dir.resolve("merged.csv"));
        String header = whole.remove(0);
        whole.sort(java.util.Comparator.comparing((String l) -> l.split(",")[1].equals("train") ? 0 : 1)
                .thenComparingInt(l -> Integer.parseInt(l.split(",")[0])));
        whole.add(0, header);
        assertEquals(whole, merged, "the merged shards' scores are the whole dataset's, line for line");
        assertEquals(1, CreditDeskCli.run("merge-scores", dir.resolve("scores-0.csv").toString(), dir.resolve("scores-0.csv").toString(),
                "--out", dir.resolve("twice.csv").toString()), "a client in two files is refused");
        assertFalse(Files.exists(dir.resolve("twice.csv")));
    }

    @Test
    void threeWorkersOnVotingParallelTrainOneModelThatLearnt() throws Exception {
        Path threeShards = dir.resolve("shards-3");
        assertEquals(0, CreditDeskCli.run("shard", "--data", dataset.toString(), "--parts", "3", "--out", threeShards.toString()));
        int[] ports = freePorts(4);
        Path model = dir.resolve("model-voting");
        List<String> settings = new ArrayList<>(SETTINGS);
        settings.addAll(List.of("--tree-learner", "voting"));
        List<Process> workers = new ArrayList<>();
        for (int rank = 0; rank < 3; rank++) {
            workers.add(worker(rank, ports, threeShards, model, "voting", settings, 30));
        }
        for (int rank = 0; rank < 3; rank++) {
            assertTrue(workers.get(rank).waitFor(150, TimeUnit.SECONDS), "worker " + rank + " ends");
            assertEquals(0, workers.get(rank).exitValue(), read("voting", rank, "err"));
        }
        ModelCard card = ModelArtifact.read(model).card();
        ModelCard.DistributedTraining distributed = card.training().distributed();
        assertEquals(3, distributed.machines());
        assertEquals("voting", distributed.treeLearner());
        assertEquals(3, distributed.shards().size());
        assertEquals(card.training().trainingData().labelledRows(), distributed.shards().stream().mapToInt(ModelCard.Shard::labelledRows).sum());
        for (int rank = 1; rank < 3; rank++) {
            assertTrue(read("voting", rank, "out").contains("worker " + rank + " of 3 done"), read("voting", rank, "out"));
            assertTrue(read("voting", rank, "out").contains(card.details().modelFile().sha256()), "worker " + rank + " ended with rank 0's model");
        }
        // Voting-parallel approximates the split search (each worker proposes its top features), so the
        // model is not the one-process model; it must still rank held-out clients as one that learnt.
        assertTrue(heldOutAuc(model) > 0.65, "held-out AUC " + heldOutAuc(model));
    }

    @Test
    void aWorkerThatDiesStopsTheOtherWithAClearMessageAndNoModel() throws Exception {
        int[] ports = freePorts(3);
        Path model = dir.resolve("model-killed");
        List<String> endless = List.of("--folds", "3", "--max-rounds", "100000", "--early-stopping", "100000",
                "--param", "learning_rate=0.001", "--param", "num_threads=1");
        Process rank0 = worker(0, ports, model, "kill", endless);
        Process rank1 = worker(1, ports, model, "kill", endless);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!read("kill", 1, "out").contains("joined") && System.nanoTime() < deadline && rank1.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(read("kill", 1, "out").contains("worker 1 of 2 joined"), read("kill", 1, "err"));
        Thread.sleep(3_000); // into the features and the first fold's rounds
        List<ProcessHandle> training = rank1.descendants().toList();
        assertEquals(1, training.size(), "worker 1 trains in one child process");
        rank1.destroyForcibly();
        assertTrue(rank0.waitFor(40, TimeUnit.SECONDS), "rank 0 stops on its own");
        String err = read("kill", 0, "err");
        // Either the worker group names the lost worker, or LightGBM saw the reset socket first and
        // aborted the training process: its supervising process then ends in CreditDesk's words.
        assertEquals(1, rank0.exitValue(), err);
        assertTrue(err.contains("worker 1 (127.0.0.1:" + ports[1] + ") was lost during training")
                || err.contains("a worker was lost during training (LightGBM: Socket"), err);
        assertTrue(err.contains("no model was written"), err);
        assertFalse(err.contains("[LightGBM] [Fatal]") || err.contains("terminate called"), "LightGBM's abort is not the last word: " + err);
        // Killing a worker's process (the supervisor) ends its training process too.
        assertTrue(training.get(0).onExit().get(10, TimeUnit.SECONDS) != null && !training.get(0).isAlive(), "worker 1's training ended");
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(model), "no model folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".model-killed")), "no staging folder left");
        }
    }

    @Test
    void aWorkerThatNeverJoinsAndAPortInUseAreNamed() throws Exception {
        int[] ports = freePorts(3);
        Process alone = worker(0, ports, dir.resolve("model-alone"), "alone",
                List.of("--max-rounds", "10"), 3);
        assertTrue(alone.waitFor(60, TimeUnit.SECONDS), "rank 0 gives up after its time-out");
        String err = read("alone", 0, "err");
        assertEquals(1, alone.exitValue(), err);
        assertTrue(err.contains("Worker(s) 1 (127.0.0.1:" + ports[1] + ") did not join within 3 s"), err);
        assertFalse(Files.exists(dir.resolve("model-alone")));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ServerSocket taken = new ServerSocket(ports[0])) {
            assertEquals(1, CreditDeskCli.run("train", "--data", DatasetShards.partFolder(shards, 0).toString(),
                    "--machines", "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1], "--rank", "0", "--out", dir.resolve("m").toString()));
        }
        String inUse = captured.toString(StandardCharsets.UTF_8);
        assertTrue(inUse.contains("Port " + ports[0] + " (LightGBM's port of this worker in --machines) is in use"), inUse);
        assertFalse(Files.exists(dir.resolve("m")));
    }
}
