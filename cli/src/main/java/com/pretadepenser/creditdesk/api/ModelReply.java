package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.UsageDetails;
import java.util.List;

/** {@code GET /model}: what the model is, its threshold and costs, how well it does and what it is for (from its card). */
record ModelReply(
        @JsonProperty("name") String name,
        @JsonProperty("trained-at") String trainedAt,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("costs") Costs costs,
        @JsonProperty("features") int features,
        @JsonProperty("metrics") MetricsReply metrics,
        @JsonProperty("synthetic-training-data") boolean syntheticTrainingData,
        @JsonProperty("usage") Usage usage) {

    static ModelReply of(ModelCard card) {
        UsageDetails u = card.usage();
        return new ModelReply(card.details().name(), card.details().trainedAt(), card.evaluation().threshold(),
                new Costs(card.evaluation().costs().falseNegative(), card.evaluation().costs().falsePositive()),
                card.details().features().size(), MetricsReply.of(card.evaluation().metrics()),
                card.training().trainingData().synthetic(),
                u == null ? null : new Usage(u.intendedUse(), u.outOfScope(), u.limitations()));
    }

    /** The cost of granting a defaulter and of refusing a repayer, which the threshold minimises. */
    record Costs(@JsonProperty("false-negative") double falseNegative, @JsonProperty("false-positive") double falsePositive) {
    }

    /** What the model is for, not for, and its known limits. */
    record Usage(
            @JsonProperty("intended-use") String intendedUse,
            @JsonProperty("out-of-scope") List<String> outOfScope,
            @JsonProperty("limitations") List<String> limitations) {
    }

    /** The out-of-fold metrics of the card. */
    record MetricsReply(
            @JsonProperty("rows") int rows,
            @JsonProperty("default-rate") double defaultRate,
            @JsonProperty("roc-auc") double rocAuc,
            @JsonProperty("pr-auc") double prAuc,
            @JsonProperty("brier") double brier,
            @JsonProperty("log-loss") double logLoss,
            @JsonProperty("ks") double ks,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("confusion") Confusion confusion,
            @JsonProperty("recall") double recall,
            @JsonProperty("precision") double precision,
            @JsonProperty("f-beta") double fBeta,
            @JsonProperty("beta") double beta,
            @JsonProperty("calibration") List<CalibrationBin> calibration,
            @JsonProperty("roc-curve") List<RocPoint> rocCurve) {

        static MetricsReply of(Metrics m) {
            Metrics.Confusion c = m.confusion();
            return new MetricsReply(m.rows(), m.defaultRate(), m.rocAuc(), m.prAuc(), m.brier(), m.logLoss(), m.ks(), m.threshold(),
                    c == null ? null : new Confusion(c.truePositives(), c.falseNegatives(), c.falsePositives(), c.trueNegatives()),
                    m.recall(), m.precision(), m.fBeta(), m.beta(),
                    m.calibration().stream().map(b -> new CalibrationBin(b.count(), b.meanPredicted(), b.observedRate())).toList(),
                    m.rocCurve().stream().map(p -> new RocPoint(p.threshold(), p.fpr(), p.tpr())).toList());
        }
    }

    record Confusion(
            @JsonProperty("true-positives") long truePositives,
            @JsonProperty("false-negatives") long falseNegatives,
            @JsonProperty("false-positives") long falsePositives,
            @JsonProperty("true-negatives") long trueNegatives) {
    }

    record CalibrationBin(
            @JsonProperty("count") int count,
            @JsonProperty("mean-predicted") double meanPredicted,
            @JsonProperty("observed-rate") double observedRate) {
    }

    record RocPoint(@JsonProperty("threshold") double threshold, @JsonProperty("fpr") double fpr, @JsonProperty("tpr") double tpr) {
    }
}
