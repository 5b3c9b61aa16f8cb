package com.pretadepenser.creditdesk.app.peers;

import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.TaskExecutor;
import com.pretadepenser.creditdesk.app.common.UserMessages;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import com.pretadepenser.creditdesk.engine.peers.PeerGroup;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.Segment;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The peer comparison: a group (all, similar clients, a segment of chosen attributes, or repayers
 * against defaulters), a feature whose distribution is drawn per group with the client placed in
 * it, and a scatter of two features. Statistics use every member of a group; only the scatter
 * draws a sample.
 */
public final class PeersViewModel {
    public static final int BINS = 30;
    public static final int SIMILAR = 500;
    public static final int SCATTER_POINTS = 2_000;
    public static final int FEATURE_CHOICES = 40;

    public enum Group { ALL, SIMILAR, SEGMENT, OUTCOME }

    public enum ColourBy { OUTCOME, SCORE }

    /** A feature offered in the choosers, shown by its label. */
    public record FeatureChoice(String feature, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One group's distribution with the name it is shown under. */
    public record GroupDistribution(String label, Distribution distribution) {
    }

    /** Points to draw: {@code kind} is 0 repaid / 1 defaulted / -1 unknown, or the risk band's ordinal. */
    public record Scatter(double[] x, double[] y, int[] kind, double clientX, double clientY, int groupSize) {
    }

    /** @param outcomeGroups true when the groups are repayers and defaulters (drawn blue and vermilion) */
    public record Result(List<GroupDistribution> groups, Scatter scatter, String featureLabel, String xLabel, String yLabel,
                         ColourBy colourBy, boolean outcomeGroups) {
    }

    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableValue<LoadedClient> client;
    private final ObservableValue<PeerIndex> index;
    private final ObservableValue<ModelCard> card;
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>(Group.ALL);
    private final ObservableList<Segment> segments = FXCollections.observableArrayList(Segment.AGE_BAND, Segment.INCOME_BAND);
    private final ObjectProperty<FeatureChoice> feature = new SimpleObjectProperty<>();
    private final ObjectProperty<FeatureChoice> xFeature = new SimpleObjectProperty<>();
    private final ObjectProperty<FeatureChoice> yFeature = new SimpleObjectProperty<>();
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.OUTCOME);
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(true);
    private boolean stale;

    public PeersViewModel(TaskExecutor executor, I18n i18n, ObservableValue<LoadedClient> client, ObservableValue<PeerIndex> index,
                          ObservableValue<ModelCard> card) {
        this.executor = executor;
        this.i18n = i18n;
        this.client = client;
        this.index = index;
        this.card = card;
        card.addListener((obs, old, now) -> fillFeatures());
        i18n.localeProperty().addListener((obs, old, now) -> {
            fillFeatures();
            refresh();
        });
        fillFeatures();
        client.addListener((obs, old, now) -> refresh());
        index.addListener((obs, old, now) -> refresh());
        group.addListener((obs, old, now) -> refresh());
        segments.addListener((ListChangeListener<Segment>) c -> refresh());
        feature.addListener((obs, old, now) -> refresh());
        xFeature.addListener((obs, old, now) -> refresh());
        yFeature.addListener((obs, old, now) -> refresh());
        colourBy.addListener((obs, old, now) -> refresh());
        active.addListener((obs, old, now) -> {
            if (now && stale) {
                refresh();
            }
        });
        refresh();
    }

    /** The model's most important numeric features, in order of importance, labelled in the current language. */
    private void fillFeatures() {
        ModelCard model = card.getValue();
        if (model == null) {
            features.clear();
            return;
        }
        List<String> ranked = model.details().globalImportance().isEmpty() ? model.featureNames() : new ArrayList<>(model.details().globalImportance().keySet());
        Locale locale = i18n.locale();
        List<FeatureChoice> choices = ranked.stream().filter(f -> !FeaturePipeline.isCategorical(f)).limit(FEATURE_CHOICES)
                .map(f -> new FeatureChoice(f, FeatureLabels.label(f, locale))).toList();
        String keepFeature = feature.get() == null ? null : feature.get().feature();
        String keepX = xFeature.get() == null ? null : xFeature.get().feature();
        String keepY = yFeature.get() == null ? null : yFeature.get().feature();
        features.setAll(choices);
        if (choices.isEmpty()) {
            return;
        }
        feature.set(find(choices, keepFeature, 0));
        xFeature.set(find(choices, keepX, 0));
        yFeature.set(find(choices, keepY, Math.min(1, choices.size() - 1)));
    }

    private static FeatureChoice find(List<FeatureChoice> choices, String name, int fallback) {
        return choices.stream().filter(c -> c.feature().equals(name)).findFirst().orElse(choices.get(fallback));
    }

    private void refresh() {
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        LoadedClient shown = client.getValue();
        PeerIndex peers = index.getValue();
        long mine = ++generation;
        if (shown == null || peers == null || feature.get() == null) {
            result.set(null);
            message.set(peers == null ? i18n.get("peers.preparing") : "");
            return;
        }
        Group chosenGroup = group.get();
        List<Segment> chosenSegments = List.copyOf(segments);
        FeatureChoice f = feature.get();
        FeatureChoice x = xFeature.get();
        FeatureChoice y = yFeature.get();
        ColourBy colour = colourBy.get();
        executor.execute(BackgroundTask.of(i18n.get("status.peers.query"),
                        progress -> compute(peers, shown, chosenGroup, chosenSegments, f, x, y, colour))
                .onSuccess(computed -> {
                    if (mine == generation) {
                        message.set("");
                        result.set(computed);
                    }
                })
                .onFailure(e -> message.set(UserMessages.of(e, i18n))));
    }

    Result compute(PeerIndex peers, LoadedClient shown, Group chosen, List<Segment> chosenSegments, FeatureChoice f,
                   FeatureChoice x, FeatureChoice y, ColourBy colour) {
        double clientValue = shown.scored().features().value(0, f.feature());
        List<GroupDistribution> groups = new ArrayList<>();
        PeerGroup drawn;
        switch (chosen) {
            case OUTCOME -> {
                PeerGroup repayers = peers.repayers();
                PeerGroup defaulters = peers.defaulters();
                groups.add(new GroupDistribution(i18n.get("peers.group.repayers", repayers.size()),
                        peers.distribution(repayers, f.feature(), clientValue, BINS)));
                groups.add(new GroupDistribution(i18n.get("peers.group.defaulters", defaulters.size()),
                        peers.distribution(defaulters, f.feature(), clientValue, BINS)));
                drawn = peers.all();
            }
            case SIMILAR, SEGMENT -> {
                PeerGroup subset = chosen == Group.SIMILAR ? peers.nearest(shown.scored().features(), SIMILAR)
                        : peers.segment(shown.id(), chosenSegments);
                String label = chosen == Group.SIMILAR ? i18n.get("peers.group.similarN", subset.size())
                        : i18n.get("peers.group.segmentN", String.join(", ", chosenSegments.stream().map(s -> s.label(i18n.locale())).toList()),
                        subset.size());
                groups.add(new GroupDistribution(label, peers.distribution(subset, f.feature(), clientValue, BINS)));
                PeerGroup all = peers.all();
                groups.add(new GroupDistribution(i18n.get("peers.group.allN", all.size()), peers.distribution(all, f.feature(), clientValue, BINS)));
                drawn = subset;
            }
            default -> {
                PeerGroup all = peers.all();
                groups.add(new GroupDistribution(i18n.get("peers.group.allN", all.size()), peers.distribution(all, f.feature(), clientValue, BINS)));
                drawn = all;
            }
        }
        return new Result(groups, scatter(peers, shown, drawn, x, y, colour), f.label(), x.label(), y.label(), colour,
                chosen == Group.OUTCOME);
    }

    private static Scatter scatter(PeerIndex peers, LoadedClient shown, PeerGroup group, FeatureChoice x, FeatureChoice y, ColourBy colour) {
        int[] rows = peers.sample(group, SCATTER_POINTS);
        double[] xs = peers.column(x.feature());
        double[] ys = peers.column(y.feature());
        double[] probability = peers.probabilities();
        int[] outcome = peers.outcomes();
        double threshold = shown.scored().score().threshold();
        double[] px = new double[rows.length];
        double[] py = new double[rows.length];
        int[] kind = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            px[i] = xs[rows[i]];
            py[i] = ys[rows[i]];
            kind[i] = colour == ColourBy.OUTCOME ? outcome[rows[i]] : RiskBand.of(probability[rows[i]], threshold).ordinal();
        }
        return new Scatter(px, py, kind, shown.scored().features().value(0, x.feature()), shown.scored().features().value(0, y.feature()),
                group.size());
    }

    /** Whether the peers are on screen: while not, changes only mark the result stale, and it is computed when shown. */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    public ObservableList<Segment> segments() {
        return segments;
    }

    public ObjectProperty<FeatureChoice> featureProperty() {
        return feature;
    }

    public ObjectProperty<FeatureChoice> xFeatureProperty() {
        return xFeature;
    }

    public ObjectProperty<FeatureChoice> yFeatureProperty() {
        return yFeature;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ObservableList<FeatureChoice> features() {
        return features;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
