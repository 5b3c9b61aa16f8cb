package com.pretadepenser.creditdesk.engine.scoring;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.model.Evaluation;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ModelDetails;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real LightGBM model of one round and two leaves on one application feature, trained in
 * milliseconds: one split, so the smallest change that crosses it is known exactly. Scored over
 * the quick model's clients (their history is never read: the model needs none).
 */
final class ToyModel implements AutoCloseable {
    final ScoringModel model;
    final ClientScorer scorer;
    /** The split: values at or under it go left. */
    final double split;

    private ToyModel(ScoringModel model, double split) {
        this.model = model;
        this.scorer = new ClientScorer(model, QuickModel.get().data());
        this.split = split;
    }

    /**
     * One split on {@code feature}, learnt from 400 values evenly spread over [from, to] whose
     * label is {@code defaults}; threshold 0.5.
     */
    static ToyModel singleSplit(String feature, double from, double to, DoublePredicate defaults) {
        int rows = 400;
        double[] values = new double[rows];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = from + (to - from) * r / (rows - 1);
            labels[r] = defaults.test(values[r]) ? 1 : 0;
        }
        Map<String, String> params = Map.of("num_leaves", "2", "learning_rate", "1", "min_data_in_leaf", "5", "seed", "1",
                "deterministic", "true", "num_threads", "1");
        String text;
        try (LightGbmBooster booster = LightGbmBooster.train(new LightGbmBooster.Matrix(values, rows, List.of(feature), new int[0]),
                labels, null, null, params, 1, 0, ProgressMonitor.NONE)) {
            text = booster.modelText();
        }
        Matcher threshold = Pattern.compile("(?m)^threshold=([-0-9.eE+]+)").matcher(text);
        if (!threshold.find()) {
            throw new IllegalStateException("no split in the toy model:\n" + text);
        }
        ModelCard quick;
        try (ScoringModel q = ScoringModel.load(QuickModel.get().modelDir())) {
            quick = q.card();
        }
        ModelDetails details = new ModelDetails("toy", quick.details().trainedAt(), new ModelCard.ModelFile("model.txt", "toy"),
                List.of(new ModelCard.Feature(feature, "toy", "application", false, 1)), quick.details().featureSchema(), Map.of(), 1,
                Map.of(), Map.of());
        Evaluation evaluation = new Evaluation(quick.evaluation().metrics(), 0.5, quick.evaluation().costs(), List.of(), null);
        ModelCard card = new ModelCard(quick.schemaVersion(), details, quick.training(), evaluation, quick.usage());
        return new ToyModel(ScoringModel.of(card, text), Double.parseDouble(threshold.group(1)));
    }

    @Override
    public void close() {
        model.close();
    }
}
