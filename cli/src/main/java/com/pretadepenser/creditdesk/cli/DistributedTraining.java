package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.cluster.Machines;
import com.pretadepenser.creditdesk.engine.cluster.WorkerGroup;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.training.DistributedTrainer;
import com.pretadepenser.creditdesk.engine.training.Trainer;
import com.pretadepenser.creditdesk.engine.training.TrainingConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;

/**
 * {@code train --machines ... --rank K}: this process as one worker of a distributed run
 * (docs/distributed.md). The configuration is fixed: no tuning, no pruning, one booster, no
 * class-imbalance treatment (the other training options hold: folds, seed, costs, rounds, early
 * stopping, --param). Rank 0 writes the model; the others write nothing.
 */
final class DistributedTraining {
    private final TrainCommand command;

    DistributedTraining(TrainCommand command) {
        this.command = command;
    }

    /**
     * When the group breaks, a worker's main thread may be inside LightGBM waiting on a socket of
     * a worker that is gone, where Java cannot reach it: the reason is printed and the process ends
     * at once (exit code 1). Nothing is written, since rank 0 writes only after the last exchange.
     */
    private static final Consumer<String> STOP_THE_PROCESS = reason -> {
        System.err.println();
        System.err.println("creditdesk: " + reason);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    };

    /** How long a worker whose LightGBM failed waits for the group to name the worker that is gone. */
    private static final Duration LOST_GRACE = Duration.ofSeconds(3);

    int run() {
        Machines list = Machines.parse(command.machines);
        list.requireRank(command.rank);
        int rank = command.rank;
        if (rank == 0 && command.out == null) {
            throw new IllegalArgumentException("rank 0 writes the model: give it --out");
        }
        if (command.timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, not " + command.timeoutSeconds);
        }
        int control = command.controlPort != null ? command.controlPort : list.get(0).port() + 1000;
        if (control < 1 || control > 65_535) {
            throw new IllegalArgumentException("--control-port must lie in 1-65535, not " + control);
        }
        String learner = command.treeLearner.toLowerCase(java.util.Locale.ROOT);
        if (!DistributedTrainer.TREE_LEARNERS.contains(learner)) {
            throw new IllegalArgumentException("--tree-learner must be data or voting, not " + command.treeLearner);
        }
        TrainingConfig config = fixed(command.training.config());
        if (rank == 0) {
            ModelArtifact.requireWritable(command.out, command.replace);
        }
        requireFree(list.get(rank).port(), "LightGBM's port of this worker in --machines");
        if (WorkerSupervisor.isChild()) {
            WorkerSupervisor.watchParent();
        } else {
            Path java = WorkerSupervisor.javaLauncher();
            if (java != null) {
                // Trains in a child JVM so that LightGBM aborting it still ends in CreditDesk's words.
                return WorkerSupervisor.run(java, command.commandLine());
            }
        }
        DataSource source = DataSource.open(command.data);
        long start = System.nanoTime();
        Trainer.TrainedModel trained;
        try (WorkerGroup group = WorkerGroup.join(list, rank, control, fingerprint(config, learner, list),
                Duration.ofSeconds(command.timeoutSeconds), STOP_THE_PROCESS)) {
            System.out.printf("worker %d of %d joined (rank 0 at %s:%d)%n", rank, list.size(), list.get(0).host(), control);
            System.out.flush();
            try (ProgressBar bar = Progress.bar("train " + rank + "/" + list.size(), 1, "fits")) {
                trained = new DistributedTrainer().train(source.data(), source.origin(), command.name, config, group, learner,
                        (command.timeoutSeconds + 59) / 60, ProgressBarMonitor.of(bar).naming("training: "));
                bar.stepTo(bar.getMax());
            } catch (com.pretadepenser.creditdesk.engine.CreditDeskException e) {
                // LightGBM may see a dead worker's socket before the group does: the group's message
                // names the worker (its onLost ends the process), so it is given a moment to come.
                group.awaitLost(LOST_GRACE);
                throw e;
            }
        }
        ModelCard card = trained.card();
        if (rank != 0) {
            System.out.printf("worker %d of %d done in %.0f s: the same model as every worker (SHA-256 %s), written by rank 0%n",
                    rank, list.size(), (System.nanoTime() - start) / 1e9, card.details().modelFile().sha256());
            return 0;
        }
        ModelArtifact.write(command.out, card, trained.modelText(), command.replace);
        System.out.printf("%smodel \"%s\" written to %s in %.0f s by %d workers (%s-parallel): %d features, %d rounds, %,d labelled applicants%n",
                card.training().trainingData().synthetic() ? "SYNTHETIC-DATA " : "", command.name, command.out,
                (System.nanoTime() - start) / 1e9, list.size(), learner, card.details().features().size(), card.details().rounds(),
                card.training().trainingData().labelledRows());
        for (ModelCard.Shard shard : card.training().distributed().shards()) {
            System.out.printf("  worker %d: %,d labelled applicants from %s (SHA-256 %s)%n", shard.rank(), shard.labelledRows(),
                    shard.dataset(), shard.sha256().substring(0, 12));
        }
        System.out.println();
        MetricsTable.print(System.out, "cross-validation (%d folds, seed %d, folds dealt on each worker):".formatted(config.folds(), config.seed()),
                card.evaluation().metrics(), card.training().crossValidation().foldMetrics());
        System.out.printf("decision threshold %.3f: expected cost %.4f per client (a missed default costs %s, a refused good client %s)%n",
                card.evaluation().threshold(), config.cost().costPerClient(trained.oof(), trained.target(), card.evaluation().threshold()),
                TrainCommand.fmt(config.cost().falseNegative()), TrainCommand.fmt(config.cost().falsePositive()));
        return 0;
    }

    /** The options as distributed training runs them: untuned, unpruned, one booster, no imbalance treatment. */
    static TrainingConfig fixed(TrainingConfig asked) {
        if (asked.bags() != 1) {
            throw new IllegalArgumentException("--bags is not available with --machines: distributed training fits one booster");
        }
        if (asked.imbalance() != TrainingConfig.Imbalance.AUTO && asked.imbalance() != TrainingConfig.Imbalance.NONE) {
            throw new IllegalArgumentException("--imbalance " + asked.imbalance().name().toLowerCase(java.util.Locale.ROOT)
                    + " is not available with --machines: distributed training uses none");
        }
        return new TrainingConfig(asked.folds(), asked.seed(), asked.cost(), TrainingConfig.Imbalance.NONE, false, asked.maxRounds(),
                asked.earlyStopping(), asked.beta(), asked.lightgbm(), TrainingConfig.Tuning.OFF, 1, 0);
    }

    /** What every worker must share, compared by rank 0 when a worker joins. */
    static String fingerprint(TrainingConfig config, String learner, Machines machines) {
        return "folds=%d seed=%d cost-fn=%s cost-fp=%s max-rounds=%d early-stopping=%d tree-learner=%s machines=%s params=%s".formatted(
                config.folds(), config.seed(), config.cost().falseNegative(), config.cost().falsePositive(), config.maxRounds(),
                config.earlyStopping(), learner, machines, new TreeMap<>(config.lightgbm()));
    }

    /** Refuses, before any work, a port another program holds (LightGBM would fail on it only once every worker is in). */
    static void requireFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new CreditDeskException(e, EngineMessage.CLUSTER_PORT_IN_USE, port, what, e.getMessage());
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CLUSTER_PORT_IN_USE, port, what, e.getMessage());
        }
    }
}
