package com.pretadepenser.creditdesk.app.whatif;

import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Applies edited values to a copy of a one-row application; the original row is never touched. */
public final class ApplicationEdits {
    private ApplicationEdits() {
    }

    /** Numbers go into numeric columns (NaN as missing), text into text columns. */
    public static Table apply(Table original, Map<String, ?> values) {
        Table edited = original.copy();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Column<?> column = edited.column(e.getKey());
            if (e.getValue() instanceof String text) {
                if (!(column instanceof tech.tablesaw.api.StringColumn strings)) {
                    throw new IllegalArgumentException(e.getKey() + " is not a text application column (" + column.type() + ")");
                }
                strings.set(0, text);
                continue;
            }
            double v = ((Number) e.getValue()).doubleValue();
            if (column instanceof DoubleColumn d) {
                d.set(0, v);
            } else if (column instanceof FloatColumn f) {
                f.set(0, (float) v);
            } else if (column instanceof IntColumn i) {
                if (Double.isNaN(v)) {
                    i.setMissing(0);
                } else {
                    i.set(0, (int) Math.round(v));
                }
            } else if (column instanceof ShortColumn s) {
                if (Double.isNaN(v)) {
                    s.setMissing(0);
                } else {
                    s.set(0, (short) Math.round(v));
                }
            } else {
                throw new IllegalArgumentException(e.getKey() + " is not a numeric application column (" + column.type() + ")");
            }
        }
        return edited;
    }
}
