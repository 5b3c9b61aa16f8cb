package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.engine.scoring.GaugeScale;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A half-dial from 0 % to 100 % with the four risk bands coloured (Okabe-Ito green, yellow,
 * orange, vermilion), the decision threshold as a tick, and a needle at the probability. The
 * percentage and the decision are written out beside it (not on the dial, where the needle would
 * cross them), so colour is never the only cue.
 */
public final class GaugeView extends Region {
    private final Canvas canvas = new Canvas();
    private final DoubleProperty probability = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty threshold = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public GaugeView() {
        getChildren().add(canvas);
        getStyleClass().add("cd-gauge");
        setMinSize(240, 150);
        setPrefSize(340, 200);
        probability.addListener((obs, old, now) -> draw());
        threshold.addListener((obs, old, now) -> draw());
        theme.addListener((obs, old, now) -> draw());
    }

    public DoubleProperty probabilityProperty() {
        return probability;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        Theme t = theme.get();
        Color fg = Theme.fx(t.foreground());
        double radius = Math.min(w / 2 - 30, h - 40);
        double cx = w / 2;
        double cy = h - 22;
        double band = Math.max(14, radius * 0.2);
        double thr = threshold.get();
        if (!Double.isNaN(thr)) {
            double[] edges = {0, RiskBand.MODERATE.lowerEdge(thr), RiskBand.HIGH.lowerEdge(thr), RiskBand.VERY_HIGH.lowerEdge(thr), 1};
            g.setLineCap(StrokeLineCap.BUTT);
            g.setLineWidth(band);
            for (int b = 0; b < 4; b++) {
                double from = angle(edges[b]);
                double to = angle(edges[b + 1]);
                g.setStroke(Theme.fx(Theme.band(b)));
                double r = radius - band / 2;
                g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, to, from - to, ArcType.OPEN);
            }
        }
        g.setFill(fg);
        g.setStroke(fg);
        g.setLineWidth(1);
        g.setFont(Font.font("SansSerif", 11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (double tick : GaugeScale.TICKS) {
            double a = Math.toRadians(angle(tick));
            double x1 = cx + Math.cos(a) * radius;
            double y1 = cy - Math.sin(a) * radius;
            double x2 = cx + Math.cos(a) * (radius + 5);
            double y2 = cy - Math.sin(a) * (radius + 5);
            g.strokeLine(x1, y1, x2, y2);
            g.fillText(Math.round(tick * 100) + "%", cx + Math.cos(a) * (radius + 17), cy - Math.sin(a) * (radius + 13));
        }
        if (!Double.isNaN(thr)) {
            double a = Math.toRadians(angle(thr));
            g.setLineWidth(3);
            g.setStroke(fg);
            g.strokeLine(cx + Math.cos(a) * (radius - band - 6), cy - Math.sin(a) * (radius - band - 6),
                    cx + Math.cos(a) * (radius + 2), cy - Math.sin(a) * (radius + 2));
        }
        double p = probability.get();
        if (!Double.isNaN(p)) {
            double a = Math.toRadians(angle(p));
            g.setLineWidth(4);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setStroke(fg);
            g.strokeLine(cx, cy, cx + Math.cos(a) * (radius - band - 4), cy - Math.sin(a) * (radius - band - 4));
            g.fillOval(cx - 7, cy - 7, 14, 14);
        }
    }


    /** Degrees for a probability: 180 at 0 %, 0 at 100 %. */
    static double angle(double probability) {
        return 180 * (1 - GaugeScale.position(probability));
    }
}
