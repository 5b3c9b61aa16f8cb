package com.pretadepenser.creditdesk.app.charts;

import com.pretadepenser.creditdesk.app.theme.Theme;
import java.awt.BasicStroke;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** Gives every JFreeChart the theme's colours and readable fonts, so charts follow light and dark. */
public final class ChartStyle {
    static final Font TICKS = new Font("SansSerif", Font.PLAIN, 12);
    static final Font LABELS = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    public static BasicStroke dashed() {
        return DASHED;
    }

    private ChartStyle() {
    }

    /** Shows a chart, or hides the viewer when there is none yet (ChartViewer refuses a null chart). */
    public static void show(org.jfree.chart.fx.ChartViewer viewer, JFreeChart chart) {
        if (!viewer.visibleProperty().isBound()) {
            viewer.setVisible(chart != null);
        }
        if (chart != null) {
            viewer.setChart(chart);
        }
    }

    public static JFreeChart apply(JFreeChart chart, Theme theme) {
        chart.setBackgroundPaint(theme.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(theme.foreground());
            title.setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(theme.background());
            legend.setItemPaint(theme.foreground());
            legend.setItemFont(LABELS);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(theme.background());
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(theme.grid());
            xy.setRangeGridlinePaint(theme.grid());
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), theme);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), theme);
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(theme.grid());
            category.setDomainGridlinesVisible(false);
            axis(category.getDomainAxis(), theme);
            axis(category.getRangeAxis(), theme);
        }
        return chart;
    }

    private static void axis(Axis axis, Theme theme) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(theme.foreground());
        axis.setTickLabelPaint(theme.foreground());
        axis.setAxisLinePaint(theme.muted());
        axis.setTickMarkPaint(theme.muted());
        axis.setTickLabelFont(TICKS);
        axis.setLabelFont(LABELS);
    }
}
