package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The model's most used features overall: mean |contribution| over the dataset, largest on top. */
public final class ImportanceChart {
    private ImportanceChart() {
    }

    public static JFreeChart create(List<DecisionViewModel.Importance> rows, I18n i18n, Theme theme) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < rows.size(); i++) {
            data.addValue(100 * rows.get(i).share(), "importance", new WaterfallChart.Row(i, rows.get(i).label(), 26));
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.6f);
        categories.setMaximumCategoryLabelLines(4);
        categories.setCategoryMargin(0.2);
        NumberAxis value = new NumberAxis(i18n.get("importance.axis"));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Theme.SKY);
        CategoryPlot plot = new CategoryPlot(data, categories, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), theme);
    }
}
