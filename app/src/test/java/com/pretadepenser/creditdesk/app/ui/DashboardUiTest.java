package com.pretadepenser.creditdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.FxTaskExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main flows as a credit officer does them, on the real window (headless Monocle), with the demo data and model. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    private MainViewModel model;
    private MainView view;
    private FxTaskExecutor executor;

    @org.junit.jupiter.api.AfterEach
    void stopWorkers() {
        executor.close();
    }

    @BeforeAll
    static void openDemoOnce() {
        DemoWorkspace.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        executor = new FxTaskExecutor(2);
        model = new MainViewModel(executor, i18n, new AppSettings(Files.createTempDirectory("creditdesk-ui")));
        view = new MainView(model, new ViewContext(i18n, new SimpleObjectProperty<>(Theme.LIGHT)));
        Scene scene = new Scene(view, 1440, 900);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        model.show(DemoWorkspace.get(), DemoWorkspace.REFUSED_CLIENT);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void searchingAClientShowsScoreAndDecision(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));

        robot.clickOn("#search").write(String.valueOf(DemoWorkspace.GRANTED_CLIENT)).type(KeyCode.ENTER);

        waitUntil(() -> "GRANTED".equals(text(robot, "#decision")));
        double p = DemoWorkspace.probability(DemoWorkspace.GRANTED_CLIENT);
        double threshold = DemoWorkspace.get().model().threshold();
        assertEquals(DemoWorkspace.percent(p), text(robot, "#probability"));
        assertEquals("Client " + DemoWorkspace.GRANTED_CLIENT, text(robot, "#clientHeading"));
        assertTrue(text(robot, "#margin").startsWith(String.format(Locale.ENGLISH, "%.1f points below the %.1f %% threshold",
                100 * (threshold - p), 100 * threshold)), text(robot, "#margin"));

        // Each reasons heading has something under it: the reasons, or a line saying there are none.
        var explanation = DemoWorkspace.get().explainer().explain(DemoWorkspace.get().scorer().score(DemoWorkspace.GRANTED_CLIENT),
                Locale.ENGLISH);
        for (var side : java.util.Map.of("#raising", explanation.raising(), "#lowering", explanation.lowering()).entrySet()) {
            var lines = robot.lookup(side.getKey()).queryAs(javafx.scene.layout.VBox.class).getChildrenUnmodifiable().stream()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
            if (side.getValue().isEmpty()) {
                assertEquals(List.of("No factor of note."), lines, side.getKey());
            } else {
                assertEquals(side.getValue().size(), lines.size(), side.getKey() + ": " + lines);
                lines.forEach(line -> assertTrue(line.startsWith("\u2022 ") && line.length() > 10, side.getKey() + ": " + line));
            }
        }
    }

    @Test
    void theModelOverallChartIsDrawnWhenItsButtonShowsIt(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));
        var importance = robot.lookup("#importance").queryAs(org.jfree.chart.fx.ChartViewer.class);
        var waterfall = robot.lookup("#waterfall").queryAs(org.jfree.chart.fx.ChartViewer.class);
        waitUntil(() -> waterfall.getChart() != null);
        assertEquals(null, importance.getChart(), "not drawn behind its button");

        robot.clickOn("#overall");

        waitUntil(() -> importance.getChart() != null);
        int bars = importance.getChart().getCategoryPlot().getDataset().getColumnCount();
        assertTrue(bars >= 5 && bars <= DemoWorkspace.get().card().details().globalImportance().size(), bars + " bars");
        robot.clickOn("#byFamily");
    }

    @Test
    void anUnknownIdShowsAMessageAndKeepsTheClient(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));

        robot.clickOn("#search").write("999999999").type(KeyCode.ENTER);

        waitUntil(() -> !text(robot, "#searchMessage").isEmpty());
        assertTrue(text(robot, "#searchMessage").startsWith("No client 999999999 in dataset \u201cdemo\u201d."), text(robot, "#searchMessage"));
        assertEquals("Client " + DemoWorkspace.REFUSED_CLIENT, text(robot, "#clientHeading"));
    }

    @Test
    void aWhatIfEditMovesTheGauge(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        String own = DemoWorkspace.percent(DemoWorkspace.probability(DemoWorkspace.REFUSED_CLIENT));
        waitUntil(() -> own.equals(text(robot, "#whatifProbability")));

        // The annuity: every model of ours reads it (through PAYMENT_RATE at least); halving it moves the score.
        double annuity = DemoWorkspace.get().scorer().application(DemoWorkspace.REFUSED_CLIENT).number("AMT_ANNUITY");
        robot.doubleClickOn("#whatif-AMT_ANNUITY").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(String.valueOf(Math.round(annuity / 2)));

        waitUntil(() -> !own.equals(text(robot, "#whatifProbability")));
        var gauge = robot.lookup("#whatifGauge").queryAs(com.pretadepenser.creditdesk.app.decision.GaugeView.class);
        assertNotEquals(model.clientProperty().get().probability(), gauge.probabilityProperty().get());
        assertTrue(text(robot, "#whatifComparison").startsWith("original " + own + " \u2192 "), text(robot, "#whatifComparison"));
        assertEquals(own, text(robot, "#probability"), "the searched client's own score does not change");
    }

    @Test
    void switchingToFrenchChangesTheTexts(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));

        robot.clickOn("View").clickOn("fran\u00e7ais");

        waitUntil(() -> "REFUS\u00c9E".equals(text(robot, "#decision")));
        assertEquals(DemoWorkspace.percent(DemoWorkspace.probability(DemoWorkspace.REFUSED_CLIENT), Locale.FRENCH), text(robot, "#probability"));
        assertEquals("D\u00e9cision", view.tabs().getTabs().get(0).getText());
        assertTrue(text(robot, "#summary").startsWith("La demande est refus\u00e9e"), text(robot, "#summary"));
        assertEquals("D\u00c9MO \u2014 DONN\u00c9ES SYNTH\u00c9TIQUES", text(robot, "#demoBadge"));
    }

    @Test
    void aNewApplicationIsValidatedInline(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);

        robot.clickOn("#new-DAYS_BIRTH").write("15");
        robot.clickOn("#scoreNew");

        waitUntil(() -> !text(robot, "#newFormError").isEmpty());
        assertEquals("Some fields need attention (see the messages under them).", text(robot, "#newFormError"));
        assertTrue(robot.lookup(".cd-field-error").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Between 18 and 100 years.")));
        assertTrue(robot.lookup("#new-DAYS_BIRTH").queryAs(TextField.class).getStyleClass().contains("cd-invalid"));
    }

    @Test
    void ctrlFPutsTheCursorInTheSearch(FxRobot robot) throws Exception {
        waitUntil(() -> "REFUSED".equals(text(robot, "#decision")));
        robot.clickOn("#byFeature");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#search").queryAs(TextField.class).isFocused());
    }
}
