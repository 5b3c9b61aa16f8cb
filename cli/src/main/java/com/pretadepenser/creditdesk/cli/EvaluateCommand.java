package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on labelled data (application_train): AUC, calibration, errors and cost at the model's threshold.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Override
    public Integer call() {
        try (ScoringModel scoring = ScoringModel.load(modelAndData.model)) {
            DataSource source = DataSource.open(modelAndData.data);
            Table train = source.data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(() ->
                    new CreditDeskException(modelAndData.data + " has no application_train.csv: evaluation needs labelled applicants."));
            int[] labelled = IntStream.range(0, train.rowCount())
                    .filter(i -> train.intColumn("TARGET").getInt(i) != Integer.MIN_VALUE).toArray();
            Table applications = train.rows(labelled);
            ClientHistory history = new ClientHistory(source.data());
            scoring.requireHistoryFor(history);
            double[] p = scoring.probabilities(applications, history);
            int[] target = applications.intColumn("TARGET").asIntArray();
            Metrics metrics = Metrics.of(p, target, scoring.threshold(), 2);
            MetricsTable.print(System.out, "model \"%s\" on %,d labelled applicants of %s%s:".formatted(scoring.card().details().name(),
                    target.length, modelAndData.data, source.origin().synthetic() ? " (SYNTHETIC)" : ""), metrics, null);
            System.out.printf("expected cost %.4f per client at threshold %.3f%n",
                    scoring.card().evaluation().costs().costPerClient(p, target, scoring.threshold()), scoring.threshold());
            MetricsTable.printFairness(System.out, Fairness.of(p, target, scoring.threshold(), applications));
        }
        return 0;
    }
}
