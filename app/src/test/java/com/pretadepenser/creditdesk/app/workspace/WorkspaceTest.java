package com.pretadepenser.creditdesk.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    private static final ProgressMonitor QUIET = ProgressMonitor.NONE;

    @Test
    void typeAheadOffersShortestIdsFirstThenInOrder() {
        Workspace w = DemoWorkspace.get();

        List<Integer> ids = w.idsStartingWith("10000", 12);

        assertEquals(List.of(100001, 100002, 100003, 100004, 100005, 100006, 100007, 100008, 100009), ids.subList(0, 9));
        assertTrue(ids.size() <= 12);
        assertTrue(ids.stream().allMatch(id -> String.valueOf(id).startsWith("10000")));
        assertEquals(List.of(), w.idsStartingWith("12a", 10));
        assertEquals(List.of(), w.idsStartingWith("", 10));
    }

    @Test
    void theDemoIsMarkedSyntheticAndKnowsItsClients() {
        Workspace w = DemoWorkspace.get();

        assertTrue(w.synthetic());
        assertEquals(23_170, w.clientCount());
        assertEquals(100_001, w.firstClient());
    }

    @Test
    void defaultFoldersAreFoundFromASubfolderOfTheProject() {
        Path project = DefaultLocations.demoData().orElseThrow().getParent().getParent();

        assertEquals(project.resolve("data/demo"), DefaultLocations.findFrom(project.resolve("app/src"), "data/demo", "manifest.json").orElseThrow());
    }

    @Test
    void theDemoBesideTheJarWinsOverOneInTheWorkingFolder(@TempDir Path dir) throws IOException {
        Path installed = dir.resolve("opt/creditdesk/lib/app");
        Path checkout = dir.resolve("home/officer/checkout");
        for (Path root : List.of(installed, checkout)) {
            Files.createDirectories(root.resolve("data/demo"));
            Files.writeString(root.resolve("data/demo/manifest.json"), "{}");
        }

        assertEquals(installed.resolve("data/demo"),
                DefaultLocations.find("data/demo", "manifest.json", installed, checkout.resolve("app")).orElseThrow());
        assertEquals(checkout.resolve("data/demo"),
                DefaultLocations.find("data/demo", "manifest.json", dir.resolve("elsewhere"), checkout.resolve("app")).orElseThrow());
        assertEquals(checkout.resolve("data/demo"),
                DefaultLocations.find("data/demo", "manifest.json", null, checkout).orElseThrow());
    }

    @Test
    void theAppFolderIsTheOneOnTheClassPathTheJvmWasStartedWith(@TempDir Path dir) {
        String sep = java.io.File.pathSeparator;
        Path installed = dir.resolve("opt/creditdesk/lib/app");

        assertEquals(installed, DefaultLocations.jarFolder(installed.resolve("creditdesk-app.jar") + sep
                + installed.resolve("creditdesk-cli.jar")), "the installed launcher's class path");
        assertEquals(installed, DefaultLocations.jarFolder(dir.resolve("lib/other.jar") + sep + installed.resolve("creditdesk-app.jar")));
        Path loadedFrom = DefaultLocations.jarFolder("");
        assertEquals(loadedFrom, DefaultLocations.jarFolder(dir.resolve("lib/other.jar").toString()),
                "without the app's jar on it, the folder this class was loaded from");
        assertTrue(loadedFrom != null && java.nio.file.Files.isDirectory(loadedFrom), String.valueOf(loadedFrom));
    }

    @Test
    void aFolderThatIsNotADatasetIsRefusedByName(@TempDir Path empty) {
        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> Workspace.open(empty, DefaultLocations.defaultModel().orElseThrow(), QUIET));

        assertTrue(e.getMessage().contains(empty + " is not a CreditDesk dataset"), e.getMessage());
    }

    @Test
    void aCorruptedModelIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        Path shipped = DefaultLocations.defaultModel().orElseThrow();
        Files.copy(shipped.resolve("model-card.json"), model.resolve("model-card.json"));
        Files.writeString(model.resolve("model.txt"), Files.readString(shipped.resolve("model.txt")).replace("tree\n", "tree \n"));

        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> Workspace.open(DefaultLocations.demoData().orElseThrow(), model, QUIET));

        assertTrue(e.getMessage().toLowerCase().contains("sha-256") || e.getMessage().toLowerCase().contains("hash"), e.getMessage());
    }
}
