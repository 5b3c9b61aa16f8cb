package com.pretadepenser.creditdesk.app.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

class WaterfallChartTest {
    private static ValueMarker threshold(JFreeChart chart) {
        return (ValueMarker) chart.getCategoryPlot().getRangeMarkers(Layer.BACKGROUND).iterator().next();
    }

    @Test
    void theThresholdsLabelSitsOnTheSideOfTheLineThatHasRoom() {
        I18n i18n = new I18n(Locale.ENGLISH);
        // A granted client well below a 10.8 % threshold: the threshold is the chart's largest value,
        // so its line is near the axis's end and its label goes to the left of it (it was cut off).
        Waterfall granted = new Waterfall(0.049, List.of(new Waterfall.Step("external credit scores", "0.73", -1.2, 0.049, 0.019),
                new Waterfall.Step("employment", "", -0.3, 0.019, 0.008)), 0.008);
        JFreeChart low = WaterfallChart.create(granted, 0.108, i18n, Theme.LIGHT);
        assertEquals(10.8, threshold(low).getValue(), 1e-9);
        assertEquals(TextAnchor.TOP_RIGHT, threshold(low).getLabelTextAnchor(), "label ends at the line, on its left");
        assertEquals("threshold 10.8 %", threshold(low).getLabel());

        // A refused client at 30 %: the line is in the axis's first third, its label to its right.
        Waterfall refused = new Waterfall(0.049, List.of(new Waterfall.Step("external credit scores", "0.12", 1.9, 0.049, 0.30)), 0.30);
        JFreeChart high = WaterfallChart.create(refused, 0.108, i18n, Theme.LIGHT);
        assertEquals(TextAnchor.TOP_LEFT, threshold(high).getLabelTextAnchor(), "label starts at the line, on its right");
        // Both draw.
        assertEquals(600, low.createBufferedImage(600, 400).getWidth());
        assertEquals(600, high.createBufferedImage(600, 400).getWidth());
    }
}
