package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import java.util.List;

/**
 * How well the model does: its out-of-fold metrics, the decision threshold, the business costs
 * the threshold minimises, the cost at every threshold tried and, from schema version 4, the
 * out-of-fold fairness figures by gender and age band (null in older cards).
 */
public record Evaluation(
        @JsonProperty("metrics") Metrics metrics,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("costs") BusinessCost costs,
        @JsonProperty("cost-curve") List<BusinessCost.CostPoint> costCurve,
        @JsonProperty("fairness") Fairness fairness) {

    public Evaluation {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie strictly between 0 and 1, got " + threshold);
        }
        costCurve = List.copyOf(costCurve);
    }
}
