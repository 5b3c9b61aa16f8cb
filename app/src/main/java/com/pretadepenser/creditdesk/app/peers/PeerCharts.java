package com.pretadepenser.creditdesk.app.peers;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The peer charts: overlaid histograms (share of each group per bin), box plots, and the scatter. */
public final class PeerCharts {

    private PeerCharts() {
    }

    public static JFreeChart histogram(PeersViewModel.Result result, String featureName, I18n i18n, Theme theme) {
        DisplayUnit unit = DisplayUnit.of(featureName);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<PeersViewModel.GroupDistribution> groups = result.groups();
        for (PeersViewModel.GroupDistribution g : groups) {
            Distribution d = g.distribution();
            XYIntervalSeries series = new XYIntervalSeries(g.label());
            for (int b = 0; b < d.binCounts().length; b++) {
                double a = unit.apply(d.binEdges()[b]);
                double c = unit.apply(d.binEdges()[b + 1]);
                double share = d.present() == 0 ? 0 : 100.0 * d.binCounts()[b] / d.present();
                series.add((a + c) / 2, Math.min(a, c), Math.max(a, c), share, 0, share);
            }
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis(axisLabel(result.featureLabel(), unit, i18n));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(i18n.get("peers.axis.share"));
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        Color[] colours = groupColours(result, theme);
        for (int i = 0; i < groups.size(); i++) {
            Color c = colours[i % colours.length];
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        double clientValue = groups.get(0).distribution().clientValue();
        if (!Double.isNaN(clientValue)) {
            ValueMarker marker = new ValueMarker(unit.apply(clientValue), theme.foreground(), new java.awt.BasicStroke(2.5f));
            marker.setLabel(i18n.get("peers.clientMarker", groups.get(0).distribution().percentile(unit.backwards()), shortLabel(groups.get(0).label())));
            marker.setLabelPaint(theme.foreground());
            marker.setLabelFont(new Font("SansSerif", Font.BOLD, 12));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }
        return ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }

    public static JFreeChart boxPlot(PeersViewModel.Result result, String featureName, I18n i18n, Theme theme) {
        DisplayUnit unit = DisplayUnit.of(featureName);
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (PeersViewModel.GroupDistribution g : result.groups()) {
            double[] q = g.distribution().quantiles();
            double q05 = unit.apply(q[0]);
            double q25 = unit.apply(q[1]);
            double q50 = unit.apply(q[2]);
            double q75 = unit.apply(q[3]);
            double q95 = unit.apply(q[4]);
            data.add(new BoxAndWhiskerItem(q50, q50, Math.min(q25, q75), Math.max(q25, q75), Math.min(q05, q95), Math.max(q05, q95),
                    null, null, List.of()), "box", shortLabel(g.label()));
        }
        Color[] colours = groupColours(result, theme);
        // each group's box in its histogram colour
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                Color c = colours[column % colours.length];
                return new Color(c.getRed(), c.getGreen(), c.getBlue(), 170);
            }
        };
        renderer.setMeanVisible(false);
        renderer.setFillBox(true);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        renderer.setSeriesOutlinePaint(0, theme.foreground());
        renderer.setDefaultOutlinePaint(theme.foreground());
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setMaximumBarWidth(0.25);
        NumberAxis value = new NumberAxis(axisLabel(result.featureLabel(), unit, i18n));
        value.setAutoRangeIncludesZero(false);
        CategoryAxis groups = new CategoryAxis();
        groups.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(data, groups, value, renderer);
        double clientValue = result.groups().get(0).distribution().clientValue();
        if (!Double.isNaN(clientValue)) {
            ValueMarker marker = new ValueMarker(unit.apply(clientValue), theme.foreground(), new java.awt.BasicStroke(2.5f));
            marker.setLabel(i18n.get("peers.client"));
            marker.setLabelPaint(theme.foreground());
            marker.setLabelFont(new Font("SansSerif", Font.BOLD, 12));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
        }
        return ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), theme);
    }

    /** Repayers blue and defaulters vermilion everywhere; a group against all clients: blue against grey. */
    private static Color[] groupColours(PeersViewModel.Result result, Theme theme) {
        return result.outcomeGroups() ? new Color[] {Theme.BLUE, Theme.VERMILION} : new Color[] {Theme.BLUE, theme.muted()};
    }

    private static String shortLabel(String label) {
        int paren = label.indexOf(" (");
        return paren > 0 ? label.substring(0, paren) : label;
    }

    public static JFreeChart scatter(PeersViewModel.Result result, String xName, String yName, I18n i18n, Theme theme) {
        PeersViewModel.Scatter s = result.scatter();
        DisplayUnit ux = DisplayUnit.of(xName);
        DisplayUnit uy = DisplayUnit.of(yName);
        boolean byOutcome = result.colourBy() == PeersViewModel.ColourBy.OUTCOME;
        String[] names = byOutcome
                ? new String[] {i18n.get("peers.legend.unknown"), i18n.get("peers.legend.repaid"), i18n.get("peers.legend.defaulted")}
                : new String[] {i18n.get("band.LOW"), i18n.get("band.MODERATE"), i18n.get("band.HIGH"), i18n.get("band.VERY_HIGH")};
        XYSeries[] series = new XYSeries[names.length];
        for (int i = 0; i < names.length; i++) {
            series[i] = new XYSeries(names[i], false, true);
        }
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isNaN(s.x()[i]) || Double.isNaN(s.y()[i])) {
                continue;
            }
            int k = byOutcome ? s.kind()[i] + 1 : s.kind()[i];
            series[k].add(ux.apply(s.x()[i]), uy.apply(s.y()[i]));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Color[] colours = byOutcome ? new Color[] {theme.muted(), Theme.BLUE, Theme.VERMILION}
                : new Color[] {Theme.GREEN, Theme.YELLOW.darker(), Theme.ORANGE, Theme.VERMILION};
        int index = 0;
        for (int i = 0; i < series.length; i++) {
            if (series[i].getItemCount() == 0) {
                continue;
            }
            data.addSeries(series[i]);
            Color c = colours[i];
            renderer.setSeriesPaint(index, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            renderer.setSeriesShape(index, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            index++;
        }
        XYSeries client = new XYSeries(i18n.get("peers.client"));
        if (!Double.isNaN(s.clientX()) && !Double.isNaN(s.clientY())) {
            client.add(ux.apply(s.clientX()), uy.apply(s.clientY()));
        }
        data.addSeries(client);
        renderer.setSeriesPaint(index, theme.foreground());
        renderer.setSeriesShape(index, new Rectangle2D.Double(-7, -7, 14, 14));
        renderer.setSeriesOutlinePaint(index, theme.background());
        NumberAxis x = new NumberAxis(axisLabel(result.xLabel(), ux, i18n));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(axisLabel(result.yLabel(), uy, i18n));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }

    private static String axisLabel(String label, DisplayUnit unit, I18n i18n) {
        String suffix = i18n.get(unit.unitKey());
        return suffix.isEmpty() ? label : label + " (" + suffix + ")";
    }
}
