package com.pretadepenser.creditdesk.engine.peers;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.scoring.ScoringModel;
import com.pretadepenser.creditdesk.engine.training.ModelCard;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** Builds the peer index of a dataset under a model: every applicant's features, probability and outcome. */
public final class PeerIndexBuilder {
    /** How many of the model's most important numeric features span the "similar clients" space. */
    public static final int NEIGHBOUR_FEATURES = 10;

    private PeerIndexBuilder() {
    }

    public static PeerIndex build(ScoringModel model, HomeCreditData data, ClientHistory history) {
        FeatureMatrix all = null;
        List<Integer> outcomes = new ArrayList<>();
        for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
            Table applications = data.table(table).orElse(null);
            if (applications == null) {
                continue;
            }
            FeatureMatrix part = model.pipeline().compute(applications, history);
            all = all == null ? part : FeatureMatrix.concat(all, part);
            for (int row = 0; row < applications.rowCount(); row++) {
                int target = table == HomeCreditTable.APPLICATION_TRAIN ? applications.intColumn("TARGET").getInt(row) : Integer.MIN_VALUE;
                outcomes.add(target == Integer.MIN_VALUE ? -1 : target);
            }
        }
        if (all == null) {
            throw new IllegalArgumentException("no applications to index");
        }
        double[] probability = model.probabilities(all);
        return new PeerIndex(all, probability, outcomes.stream().mapToInt(Integer::intValue).toArray(), neighbourFeatures(model.card()));
    }

    static List<String> neighbourFeatures(ModelCard card) {
        List<String> ranked = card.globalImportance().isEmpty()
                ? card.features().stream().sorted((a, b) -> Double.compare(b.gain(), a.gain())).map(ModelCard.Feature::name).toList()
                : new ArrayList<>(card.globalImportance().keySet());
        return ranked.stream().filter(f -> !FeaturePipeline.isCategorical(f)).limit(NEIGHBOUR_FEATURES).toList();
    }
}
