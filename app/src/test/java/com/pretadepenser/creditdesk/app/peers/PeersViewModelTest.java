package com.pretadepenser.creditdesk.app.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.Segment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.Test;

class PeersViewModelTest {
    private static PeersViewModel peersOf(MainViewModel main) {
        return new PeersViewModel(main.executor(), main.i18n(), main.clientProperty(), main.peersProperty(),
                Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));
    }

    @Test
    void allClientsGroupPlacesTheClientInTheWholeDataset() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);
        PeerIndex index = DemoWorkspace.get().peers();

        var result = peers.resultProperty().get();

        assertEquals(1, result.groups().size());
        var all = result.groups().get(0).distribution();
        assertEquals(index.size(), all.groupSize());
        String feature = peers.featureProperty().get().feature();
        assertEquals(index.value(DemoWorkspace.REFUSED_CLIENT, feature), all.clientValue(), 0);
        assertEquals("All clients (23,170)", result.groups().get(0).label());
        assertEquals(Arrays.stream(all.binCounts()).sum(), all.present());
    }

    @Test
    void repayersAgainstDefaultersSplitTheLabelledClients() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);

        peers.groupProperty().set(PeersViewModel.Group.OUTCOME);

        var groups = peers.resultProperty().get().groups();
        assertEquals(2, groups.size());
        assertEquals(0.0, groups.get(0).distribution().defaultRate());
        assertEquals(1.0, groups.get(1).distribution().defaultRate());
        assertEquals(20_000, groups.get(0).distribution().groupSize() + groups.get(1).distribution().groupSize());
        assertTrue(peers.resultProperty().get().outcomeGroups());
    }

    @Test
    void similarClientsAreTheFiveHundredNearestAgainstAll() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);

        peers.groupProperty().set(PeersViewModel.Group.SIMILAR);

        var groups = peers.resultProperty().get().groups();
        assertEquals(PeersViewModel.SIMILAR, groups.get(0).distribution().groupSize());
        assertEquals(DemoWorkspace.get().peers().size(), groups.get(1).distribution().groupSize());
        assertEquals(PeersViewModel.SIMILAR, peers.resultProperty().get().scatter().groupSize());
    }

    @Test
    void segmentFollowsTheChosenAttributes() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);
        PeerIndex index = DemoWorkspace.get().peers();

        peers.groupProperty().set(PeersViewModel.Group.SEGMENT);
        peers.segments().setAll(Segment.GENDER, Segment.CONTRACT_TYPE);

        var segment = peers.resultProperty().get().groups().get(0);
        assertEquals(index.segment(DemoWorkspace.REFUSED_CLIENT, List.of(Segment.GENDER, Segment.CONTRACT_TYPE)).size(),
                segment.distribution().groupSize());
        assertTrue(segment.label().startsWith("Same gender, contract type ("), segment.label());
    }

    @Test
    void scatterSamplesLargeGroupsButMarksTheClient() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);
        PeerIndex index = DemoWorkspace.get().peers();

        peers.colourByProperty().set(PeersViewModel.ColourBy.SCORE);

        var scatter = peers.resultProperty().get().scatter();
        assertEquals(PeersViewModel.SCATTER_POINTS, scatter.x().length);
        assertEquals(index.size(), scatter.groupSize());
        assertEquals(index.value(DemoWorkspace.REFUSED_CLIENT, peers.xFeatureProperty().get().feature()), scatter.clientX(), 0);
        assertTrue(Arrays.stream(scatter.kind()).allMatch(k -> k >= 0 && k <= 3), "risk band ordinals");
    }

    @Test
    void featureChoicesAreNumericAndLabelledInTheLanguage() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.FRENCH);
        PeersViewModel peers = peersOf(main);

        var card = DemoWorkspace.get().card();
        List<String> numeric = card.details().globalImportance().keySet().stream().filter(f -> !FeaturePipeline.isCategorical(f)).toList();
        assertEquals(Math.min(PeersViewModel.FEATURE_CHOICES, numeric.size()), peers.features().size());
        assertEquals(FeatureLabels.label(numeric.get(0), Locale.FRENCH), peers.features().get(0).label(), "the most important first, in French");
        assertTrue(peers.features().stream().noneMatch(c -> FeaturePipeline.isCategorical(c.feature())));
    }

    @Test
    void daysAreDrawnAsYearsAndSharesAsPercent() {
        assertEquals(30, DisplayUnit.of("DAYS_BIRTH").apply(-30 * 365.25), 1e-9);
        assertEquals(12.5, DisplayUnit.of("PAYMENT_RATE").apply(0.125), 1e-12);
        assertEquals(0.4, DisplayUnit.of("EXT_SOURCE_2").apply(0.4), 0);
    }

    @Test
    void hiddenPeersWaitUntilShownThenCatchUp() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        PeersViewModel peers = peersOf(main);
        peers.activeProperty().set(false);
        var before = peers.resultProperty().get();

        main.load(DemoWorkspace.GRANTED_CLIENT);
        assertEquals(before, peers.resultProperty().get(), "nothing computed while hidden");

        peers.activeProperty().set(true);
        assertEquals(DemoWorkspace.get().peers().value(DemoWorkspace.GRANTED_CLIENT, peers.featureProperty().get().feature()),
                peers.resultProperty().get().groups().get(0).distribution().clientValue(), 0);
    }
}
