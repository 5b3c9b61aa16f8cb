package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a card of the current layout (schema version 3 and later) from its JSON tree by hand, into
 * the same records Jackson's data binding makes: binding them costs a start about 0.1 s of CPU
 * (each record's constructor found and called by reflection, cold), this a few milliseconds. Strict
 * where data binding is lenient: a missing or null number, a value of another JSON type, or a
 * record that refuses its values throws {@link Unexpected}, and {@link ModelCardJson} binds the
 * tree with Jackson instead (which reads the card, or says what is wrong with it). Fields it does
 * not know are ignored, as data binding does.
 */
final class ModelCardReader {
    private ModelCardReader() {
    }

    /** A card this reader does not take: data binding reads it. */
    static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String what) {
            super(what, null, false, false);
        }
    }

    static ModelCard read(JsonNode card) {
        return new ModelCard(integer(card, "schema-version"), details(object(card, "model-details")),
                training(object(card, "training-details")), evaluation(object(card, "evaluation")),
                usage(object(card, "usage-details")));
    }

    private static ModelDetails details(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelDetails(text(n, "name"), text(n, "trained-at"), modelFile(object(n, "model-file")),
                list(n, "features", ModelCardReader::feature), schema(object(n, "feature-schema")),
                map(n, "hyper-parameters", ModelCardReader::text), integer(n, "rounds"),
                map(n, "global-importance", ModelCardReader::number), map(n, "environment", ModelCardReader::text));
    }

    private static ModelCard.ModelFile modelFile(JsonNode n) {
        return n == null ? null : new ModelCard.ModelFile(text(n, "file"), text(n, "sha256"));
    }

    private static ModelCard.Feature feature(JsonNode n) {
        return new ModelCard.Feature(text(n, "name"), text(n, "description"), text(n, "source-table"), bool(n, "categorical"),
                number(n, "gain"));
    }

    private static FeatureSchema schema(JsonNode n) {
        return n == null ? null : new FeatureSchema(map(n, "levels", levels -> elements(levels, ModelCardReader::text)));
    }

    private static TrainingDetails training(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new TrainingDetails(trainingData(object(n, "training-data")), imbalance(object(n, "imbalance")),
                tuning(object(n, "tuning")), crossValidation(object(n, "cross-validation")), distributed(object(n, "distributed")));
    }

    private static ModelCard.TrainingData trainingData(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelCard.TrainingData(text(n, "dataset"), bool(n, "synthetic"), list(n, "sources", ModelCardReader::source),
                integer(n, "labelled-rows"), number(n, "default-rate"));
    }

    private static ModelCard.Source source(JsonNode n) {
        return new ModelCard.Source(text(n, "file"), text(n, "sha256"), longInteger(n, "rows"));
    }

    private static ModelCard.ImbalanceChoice imbalance(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelCard.ImbalanceChoice(text(n, "chosen"), text(n, "reason"), list(n, "candidates",
                c -> new ModelCard.ImbalanceCandidate(text(c, "mode"), number(c, "oof-auc"), number(c, "oof-cost-per-client"),
                        number(c, "oof-brier"), number(c, "threshold"))));
    }

    private static ModelCard.Tuning tuning(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelCard.Tuning(text(n, "method"), integer(n, "screening-rows"), integer(n, "screening-folds"),
                list(n, "candidates", c -> new ModelCard.TuningCandidate(map(c, "settings", ModelCardReader::text),
                        number(c, "screening-auc"), optionalNumber(c, "oof-auc"), optionalNumber(c, "oof-cost-per-client"),
                        optionalNumber(c, "mean-best-round"))),
                integer(n, "chosen"), text(n, "reason"));
    }

    private static ModelCard.CrossValidationSummary crossValidation(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelCard.CrossValidationSummary(integer(n, "folds"), longInteger(n, "seed"),
                list(n, "best-iterations", ModelCardReader::integer), list(n, "fold-metrics", ModelCardReader::metrics),
                integer(n, "features-before-pruning"));
    }

    private static ModelCard.DistributedTraining distributed(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new ModelCard.DistributedTraining(integer(n, "machines"), text(n, "tree-learner"), list(n, "shards",
                s -> new ModelCard.Shard(integer(s, "rank"), text(s, "dataset"), integer(s, "labelled-rows"), text(s, "sha256"),
                        list(s, "sources", ModelCardReader::source))));
    }

    private static Metrics metrics(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode c = object(n, "confusion");
        Metrics.Confusion confusion = c == null ? null : new Metrics.Confusion(longInteger(c, "true-positives"),
                longInteger(c, "false-negatives"), longInteger(c, "false-positives"), longInteger(c, "true-negatives"));
        return new Metrics(integer(n, "rows"), number(n, "default-rate"), number(n, "roc-auc"), number(n, "pr-auc"),
                number(n, "brier"), number(n, "log-loss"), number(n, "ks"), number(n, "threshold"), confusion,
                number(n, "recall"), number(n, "precision"), number(n, "f-beta"), number(n, "beta"),
                list(n, "calibration", b -> new Metrics.CalibrationBin(integer(b, "count"), number(b, "mean-predicted"),
                        number(b, "observed-rate"))),
                list(n, "roc-curve", p -> new Metrics.RocPoint(number(p, "threshold"), number(p, "fpr"), number(p, "tpr"))));
    }

    private static Evaluation evaluation(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode costs = object(n, "costs");
        JsonNode fairness = object(n, "fairness");
        return new Evaluation(metrics(object(n, "metrics")), number(n, "threshold"),
                costs == null ? null : new BusinessCost(number(costs, "false-negative"), number(costs, "false-positive")),
                list(n, "cost-curve", p -> new BusinessCost.CostPoint(number(p, "threshold"), number(p, "cost-per-client"))),
                fairness == null ? null : new Fairness(list(fairness, "attributes", a -> new Fairness.Attribute(text(a, "name"),
                        list(a, "groups", g -> new Fairness.Group(text(g, "group"), integer(g, "count"), number(g, "approval-rate"),
                                number(g, "default-rate"), number(g, "false-positive-rate"), number(g, "false-negative-rate"),
                                number(g, "auc"), number(g, "disparate-impact")))))));
    }

    private static UsageDetails usage(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new UsageDetails(text(n, "intended-use"), list(n, "out-of-scope", ModelCardReader::text),
                list(n, "limitations", ModelCardReader::text));
    }

    // ---- values: as data binding reads them where the JSON has the expected type, else Unexpected

    /** The field's object, or null when it is missing or null (data binding's null). */
    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = present(parent, field);
        if (n != null && !n.isObject()) {
            throw new Unexpected(field + " is not an object");
        }
        return n;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n;
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode n = present(parent, field);
        if (n == null) {
            throw new Unexpected(field + " is missing");
        }
        return n;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode n = present(parent, field);
        return n == null ? null : text(n);
    }

    private static String text(JsonNode n) {
        if (!n.isTextual()) {
            throw new Unexpected(n.getNodeType() + " where a text was expected");
        }
        return n.textValue();
    }

    private static int integer(JsonNode parent, String field) {
        return integer(required(parent, field));
    }

    private static int integer(JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new Unexpected(n + " is not an int");
        }
        return n.intValue();
    }

    private static long longInteger(JsonNode parent, String field) {
        JsonNode n = required(parent, field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Unexpected(n + " is not a long");
        }
        return n.longValue();
    }

    private static boolean bool(JsonNode parent, String field) {
        JsonNode n = required(parent, field);
        if (!n.isBoolean()) {
            throw new Unexpected(field + " is not a boolean");
        }
        return n.booleanValue();
    }

    private static double number(JsonNode parent, String field) {
        return number(required(parent, field));
    }

    private static Double optionalNumber(JsonNode parent, String field) {
        JsonNode n = present(parent, field);
        return n == null ? null : number(n);
    }

    /** A number, or the texts Jackson writes for the numbers JSON lacks ("NaN", "Infinity", "-Infinity"). */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new Unexpected(n + " is not a number");
    }

    private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> element) {
        JsonNode n = present(parent, field);
        return n == null ? null : elements(n, element);
    }

    private static <T> List<T> elements(JsonNode n, Function<JsonNode, T> element) {
        if (!n.isArray()) {
            throw new Unexpected(n.getNodeType() + " where a list was expected");
        }
        List<T> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (e.isNull()) {
                throw new Unexpected("null in a list");
            }
            out.add(element.apply(e));
        }
        return out;
    }

    private static <T> Map<String, T> map(JsonNode parent, String field, Function<JsonNode, T> value) {
        JsonNode n = object(parent, field);
        if (n == null) {
            return null;
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                throw new Unexpected("null value for " + e.getKey());
            }
            out.put(e.getKey(), value.apply(e.getValue()));
        }
        return out;
    }
}
