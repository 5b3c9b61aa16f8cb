package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link Waterfall} as horizontal floating bars, read top to bottom: the average client,
 * each factor pushing the probability up (vermilion) or down (blue), and the client, with the
 * decision threshold as a dashed line. Built as stacked bars whose first, invisible part is the offset.
 */
public final class WaterfallChart {
    private static final String OFFSET = "offset";
    private static final String TOTAL = "total";

    private WaterfallChart() {
    }

    /** A category that shows its label but stays unique when two labels are equal. */
    record Row(int index, String label, int width) implements Comparable<Row> {
        Row(int index, String label) {
            this(index, label, LINE);
        }

        @Override
        public int compareTo(Row other) {
            return Integer.compare(index, other.index);
        }

        /**
         * The label wrapped at word boundaries, with room after each line: FXGraphics2D measures text
         * narrower than it draws it, so JFreeChart's own wrapping cut the ends of long labels.
         */
        @Override
        public String toString() {
            return wrap(label, width);
        }
    }

    /** Characters per line of a category label. */
    static final int LINE = 34;

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append("  \n");
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.append("  ").toString();
    }

    public static JFreeChart create(Waterfall waterfall, double threshold, I18n i18n, Theme theme) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String raises = i18n.get("waterfall.raises");
        String lowers = i18n.get("waterfall.lowers");
        List<Waterfall.Step> steps = waterfall.steps();
        Row base = new Row(0, i18n.get("waterfall.base"));
        put(data, raises, lowers, base, 0, 0, 0, 100 * waterfall.base());
        for (int i = 0; i < steps.size(); i++) {
            Waterfall.Step s = steps.get(i);
            String label = s.value().isEmpty() ? s.label() : s.label() + " = " + s.value();
            double low = 100 * Math.min(s.from(), s.to());
            double delta = 100 * Math.abs(s.to() - s.from());
            put(data, raises, lowers, new Row(i + 1, label), low, s.raises() ? delta : 0, s.raises() ? 0 : delta, 0);
        }
        put(data, raises, lowers, new Row(steps.size() + 1, i18n.get("waterfall.client")), 0, 0, 0, 100 * waterfall.probability());

        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setMaximumCategoryLabelLines(4);
        categories.setCategoryMargin(0.25);
        NumberAxis percent = new NumberAxis(i18n.get("waterfall.axis"));
        double top = Math.max(threshold, steps.stream().mapToDouble(s -> Math.max(s.from(), s.to())).max().orElse(waterfall.probability()));
        double upper = 100 * Math.max(top, waterfall.base()) * 1.25;
        percent.setRange(0, upper);
        percent.setNumberFormatOverride(NumberFormat.getNumberInstance(i18n.locale()));

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, new Color(0, 0, 0, 0));
        renderer.setSeriesPaint(1, Theme.VERMILION);
        renderer.setSeriesPaint(2, Theme.BLUE);
        renderer.setSeriesPaint(3, theme.muted());
        renderer.setSeriesVisibleInLegend(0, false);
        renderer.setSeriesVisibleInLegend(3, false);
        renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.BOLD, 11));
        renderer.setDefaultItemLabelPaint(theme.foreground());
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                if (row == 0 || v == null || v.doubleValue() == 0) {
                    return null;
                }
                String sign = row == 1 ? "+" : row == 2 ? "\u2212" : "";
                return sign + i18n.get(row == 3 ? "waterfall.valueTotal" : "waterfall.valueStep", v.doubleValue());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setSeriesItemLabelsVisible(0, false);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setPositiveItemLabelPositionFallback(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

        CategoryPlot plot = new CategoryPlot(data, categories, percent, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker marker = new ValueMarker(100 * threshold, theme.foreground(), ChartStyle.dashed());
        marker.setLabel(i18n.get("waterfall.threshold", 100 * threshold));
        marker.setLabelPaint(theme.foreground());
        marker.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        // Beside the line on the side with room: right of it, unless the line is near the axis's end
        // (the threshold is often the chart's largest value), where the label would be cut off.
        boolean roomOnTheRight = 100 * threshold < 0.7 * upper;
        marker.setLabelAnchor(roomOnTheRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(roomOnTheRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 4));
        plot.addRangeMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, theme);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 12));
        return chart;
    }

    private static void put(DefaultCategoryDataset data, String raisesKey, String lowersKey, Row row, double offset, double raises,
                            double lowers, double total) {
        data.addValue(offset, OFFSET, row);
        data.addValue(raises, raisesKey, row);
        data.addValue(lowers, lowersKey, row);
        data.addValue(total, TOTAL, row);
    }
}
