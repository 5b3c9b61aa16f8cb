package com.pretadepenser.creditdesk.app.modelcard;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.Numbers;
import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The model card's curves: ROC, cost against threshold, calibration by decile. */
public final class ModelCharts {
    private ModelCharts() {
    }

    public static JFreeChart roc(ModelCard card, I18n i18n, Theme theme) {
        XYSeries curve = new XYSeries(i18n.get("model.roc.series", Numbers.format(card.evaluation().metrics().rocAuc(), 3, i18n.locale())), false, true);
        for (Metrics.RocPoint p : card.evaluation().metrics().rocCurve()) {
            curve.add(100 * p.fpr(), 100 * p.tpr());
        }
        XYSeries chance = new XYSeries(i18n.get("model.roc.chance"), false, true);
        chance.add(0, 0);
        chance.add(100, 100);
        XYSeriesCollection data = new XYSeriesCollection(curve);
        data.addSeries(chance);
        XYLineAndShapeRenderer renderer = lines(theme);
        renderer.setSeriesStroke(1, ChartStyle.dashed());
        renderer.setSeriesPaint(1, theme.muted());
        XYPlot plot = new XYPlot(data, percentAxis(i18n.get("model.roc.x")), percentAxis(i18n.get("model.roc.y")), renderer);
        Metrics.Confusion c = card.evaluation().metrics().confusion();
        double fpr = 100.0 * c.falsePositives() / Math.max(1, c.falsePositives() + c.trueNegatives());
        ValueMarker marker = marker(fpr, i18n.get("model.atThreshold", Numbers.format(100 * card.evaluation().threshold(), 1, i18n.locale())), theme);
        plot.addDomainMarker(marker);
        return ChartStyle.apply(new JFreeChart(i18n.get("model.roc.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }

    public static JFreeChart cost(ModelCard card, I18n i18n, Theme theme) {
        XYSeries curve = new XYSeries(i18n.get("model.cost.series"), false, true);
        for (BusinessCost.CostPoint p : card.evaluation().costCurve()) {
            if (p.threshold() <= 0.6) {
                curve.add(100 * p.threshold(), p.costPerClient());
            }
        }
        XYLineAndShapeRenderer renderer = lines(theme);
        NumberAxis x = new NumberAxis(i18n.get("model.cost.x"));
        NumberAxis y = new NumberAxis(i18n.get("model.cost.y"));
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(curve), x, y, renderer);
        plot.addDomainMarker(marker(100 * card.evaluation().threshold(), i18n.get("model.cost.threshold", Numbers.format(100 * card.evaluation().threshold(), 1, i18n.locale())), theme));
        return ChartStyle.apply(new JFreeChart(i18n.get("model.cost.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, false), theme);
    }

    public static JFreeChart calibration(ModelCard card, I18n i18n, Theme theme) {
        XYSeries observed = new XYSeries(i18n.get("model.calibration.series"), false, true);
        double max = 0;
        for (Metrics.CalibrationBin bin : card.evaluation().metrics().calibration()) {
            observed.add(100 * bin.meanPredicted(), 100 * bin.observedRate());
            max = Math.max(max, Math.max(bin.meanPredicted(), bin.observedRate()));
        }
        XYSeries perfect = new XYSeries(i18n.get("model.calibration.perfect"), false, true);
        perfect.add(0, 0);
        perfect.add(100 * max, 100 * max);
        XYSeriesCollection data = new XYSeriesCollection(observed);
        data.addSeries(perfect);
        XYLineAndShapeRenderer renderer = lines(theme);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesStroke(1, ChartStyle.dashed());
        renderer.setSeriesPaint(1, theme.muted());
        XYPlot plot = new XYPlot(data, new NumberAxis(i18n.get("model.calibration.x")), new NumberAxis(i18n.get("model.calibration.y")), renderer);
        return ChartStyle.apply(new JFreeChart(i18n.get("model.calibration.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }

    private static XYLineAndShapeRenderer lines(Theme theme) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        return renderer;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(0, 100);
        return axis;
    }

    private static ValueMarker marker(double at, String label, Theme theme) {
        ValueMarker marker = new ValueMarker(at, Theme.VERMILION, new BasicStroke(2f));
        marker.setLabel(label);
        marker.setLabelPaint(theme.foreground());
        marker.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    /** The disparate-impact ratio of every group, gender then age, against the four-fifths line. */
    public static JFreeChart fairness(java.util.List<ModelCardViewModel.FairnessRow> rows, I18n i18n, Theme theme) {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        for (ModelCardViewModel.FairnessRow row : rows) {
            if (!Double.isNaN(row.impact())) {
                data.addValue(row.impact(), row.attribute(), row.group());
            }
        }
        org.jfree.chart.axis.CategoryAxis groups = new org.jfree.chart.axis.CategoryAxis();
        groups.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        NumberAxis ratio = new NumberAxis(i18n.get("model.fairness.chart.y"));
        ratio.setRange(0, 1.05);
        org.jfree.chart.renderer.category.BarRenderer renderer = new org.jfree.chart.renderer.category.BarRenderer();
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setSeriesPaint(1, Theme.SKY);
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data, groups, ratio, renderer);
        ValueMarker rule = new ValueMarker(com.pretadepenser.creditdesk.engine.evaluation.Fairness.FOUR_FIFTHS,
                Theme.VERMILION, ChartStyle.dashed());
        rule.setLabel(i18n.get("model.fairness.chart.rule"));
        rule.setLabelPaint(theme.foreground());
        rule.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        rule.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        rule.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(rule);
        return ChartStyle.apply(new JFreeChart(i18n.get("model.fairness.chart.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }
}
