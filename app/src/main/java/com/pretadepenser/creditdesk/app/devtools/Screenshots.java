package com.pretadepenser.creditdesk.app.devtools;

import com.pretadepenser.creditdesk.app.common.FxSteps;
import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders every screen to {@code DIR/NN-name.png} (run under Xvfb: see docs/screenshots.md), then
 * quits: the decision in both views, peers, what-if with the suggestion applied, a new
 * application with a validation message and scored, the model page, French, dark, an unknown id.
 */
public final class Screenshots {
    private final Stage stage;
    private final MainView view;
    private final MainViewModel model;
    private final ObjectProperty<Theme> theme;
    private final Path folder;

    public Screenshots(Stage stage, MainView view, MainViewModel model, ObjectProperty<Theme> theme, Path folder) {
        this.stage = stage;
        this.view = view;
        this.model = model;
        this.theme = theme;
        this.folder = folder;
    }

    /** The what-if example: the first refused client (by ID) with two suggestions or more, else the first with one. */
    private static int grantableClient(com.pretadepenser.creditdesk.app.workspace.Workspace workspace) {
        double threshold = workspace.model().threshold();
        int single = 0;
        for (int id : workspace.sortedIds()) {
            if (workspace.scorer().score(id).score().probability() >= threshold) {
                int found = workspace.counterfactuals().search(workspace.scorer().application(id)).suggestions().size();
                if (found >= 2) {
                    return id;
                }
                single = single == 0 && found == 1 ? id : single;
            }
        }
        if (single != 0) {
            return single;
        }
        throw new IllegalStateException("no refused client of " + workspace.dataFolder() + " is granted by a change of the loan");
    }

    public void start() {
        Thread thread = new Thread(this::shoot, "screenshots");
        thread.setDaemon(true);
        thread.start();
    }

    private void shoot() {
        int status = 0;
        try {
            Files.createDirectories(folder);
            FxSteps.run(() -> {
                stage.setMaximized(false);
                stage.setWidth(1440);
                stage.setHeight(900);
                model.i18n().setLocale(Locale.ENGLISH);
                theme.set(Theme.LIGHT);
            });
            FxSteps.await(() -> model.clientProperty().get() != null && model.peersProperty().get() != null, 60_000, "first client and peers");
            settle();
            int first = model.clientProperty().get().id();
            int whatIfClient = grantableClient(model.workspaceProperty().get());
            save("01-decision");
            FxSteps.run(() -> ((ToggleButton) view.lookup("#byFeature")).fire());
            settle();
            save("02-decision-features");
            FxSteps.run(() -> ((ToggleButton) view.lookup("#overall")).fire());
            settle();
            save("02b-decision-importance");
            FxSteps.run(() -> ((ToggleButton) view.lookup("#byFamily")).fire());
            tab(1);
            save("03-peers-all");
            FxSteps.run(() -> lookupChoice("#peerGroup").setValue(com.pretadepenser.creditdesk.app.peers.PeersViewModel.Group.OUTCOME));
            settle();
            save("04-peers-repayers-defaulters");
            FxSteps.run(() -> lookupChoice("#peerGroup").setValue(com.pretadepenser.creditdesk.app.peers.PeersViewModel.Group.SIMILAR));
            settle();
            save("05-peers-similar");
            FxSteps.run(() -> lookupChoice("#peerGroup").setValue(com.pretadepenser.creditdesk.app.peers.PeersViewModel.Group.SEGMENT));
            settle();
            save("05b-peers-segment");
            FxSteps.run(() -> model.load(whatIfClient));
            tab(2);
            save("06-whatif-original");
            FxSteps.run(() -> view.whatIf().applySuggestion());
            settle();
            save("07-whatif-suggestion-applied");
            tab(3);
            FxSteps.run(() -> {
                view.newApplication().numbers().get(0).textProperty().set("15");
                view.newApplication().numbers().get(3).textProperty().set("abc");
                view.newApplication().score();
            });
            settle();
            save("08-new-application-invalid");
            FxSteps.run(() -> {
                var numbers = view.newApplication().numbers();
                numbers.get(0).textProperty().set("34");
                numbers.get(1).textProperty().set("1");
                numbers.get(2).textProperty().set("3");
                numbers.get(3).textProperty().set("180000");
                numbers.get(4).textProperty().set("4.5");
                numbers.get(5).textProperty().set("540000");
                numbers.get(6).textProperty().set("27000");
                numbers.get(7).textProperty().set("450000");
                numbers.get(9).textProperty().set("0.55");
                var choices = view.newApplication().choices();
                choices.forEach(c -> c.valueProperty().set(c.options().isEmpty() ? null : c.options().get(0)));
                view.newApplication().score();
            });
            settle();
            save("09-new-application-scored");
            tab(4);
            save("10-model");
            FxSteps.run(() -> model.load(first));
            FxSteps.run(() -> model.i18n().setLocale(Locale.FRENCH));
            tab(0);
            save("11-decision-fr");
            tab(2);
            save("12-whatif-fr");
            FxSteps.run(() -> {
                model.i18n().setLocale(Locale.ENGLISH);
                theme.set(Theme.DARK);
            });
            tab(0);
            save("13-decision-dark");
            tab(1);
            save("14-peers-dark");
            FxSteps.run(() -> theme.set(Theme.LIGHT));
            tab(0);
            FxSteps.run(() -> model.load("999999999"));
            settle();
            save("15-unknown-client");
            FxSteps.run(() -> model.load(whatIfClient));
            settle();
            FxSteps.run(() -> ((javafx.scene.control.Button) view.lookup("#recordButton")).fire());
            settle();
            FxSteps.run(() -> model.load(first));
            settle();
            FxSteps.run(() -> {
                ((javafx.scene.control.RadioButton) view.lookup("#recordOverride")).fire();
                ((javafx.scene.control.TextArea) view.lookup("#recordReason")).setText("Guarantor signed");
            });
            settle();
            save("16-record-override-short-reason");
            FxSteps.run(() -> ((javafx.scene.control.TextArea) view.lookup("#recordReason"))
                    .setText("Guarantor signed today; December payslip and employment contract seen"));
            settle();
            FxSteps.run(() -> ((javafx.scene.control.Button) view.lookup("#recordButton")).fire());
            settle();
            save("17-record-recorded");
            tab(5);
            save("18-records");
            tab(6);
            FxSteps.run(() -> ((javafx.scene.control.Button) view.lookup("#driftRun")).fire());
            FxSteps.await(() -> view.lookup("#driftVerdict").isVisible(), 120_000, "the drift check");
            settle();
            save("19-drift");
            tab(4);
            FxSteps.run(() -> ((javafx.scene.control.ScrollPane) view.lookup("#modelPage")).setVvalue(1));
            settle();
            save("20-model-fairness");
            System.out.println("screenshots written to " + folder.toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            status = 1;
        }
        int exit = status;
        Platform.runLater(() -> {
            stage.hide();
            System.exit(exit);
        });
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ChoiceBox<Object> lookupChoice(String id) {
        return (javafx.scene.control.ChoiceBox<Object>) view.lookup(id);
    }

    private void tab(int index) {
        FxSteps.run(() -> view.tabs().getSelectionModel().select(index));
        settle();
    }

    /** Lets background tasks finish and charts draw. */
    private void settle() {
        FxSteps.await(() -> !model.busyProperty().get(), 30_000, "background work");
        FxSteps.sleep(900);
        FxSteps.nextPulse(stage.getScene());
    }

    private void save(String name) throws IOException {
        WritableImage image = FxSteps.call(() -> stage.getScene().snapshot(null));
        Path file = folder.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("  " + file);
    }
}
