package com.pretadepenser.creditdesk.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import tech.tablesaw.api.Table;

/**
 * How a model's decisions fall on groups of applicants, on labelled data at its threshold: by
 * gender (CODE_GENDER as Home Credit recorded it) and by age band. For each group: the count, the
 * approval rate, the observed default rate, the false-positive rate (repayers refused), the
 * false-negative rate (defaulters granted), the AUC within the group, and the disparate-impact
 * ratio: the group's approval rate over that of the group approved most often. The stated
 * convention is the four-fifths rule: a ratio under 0.8 flags an adverse impact to review.
 *
 * @param attributes the groupings, gender first, then age band
 */
public record Fairness(@JsonProperty("attributes") List<Attribute> attributes) {
    /** The four-fifths rule: a group approved less than 80 % as often as the most approved one. */
    public static final double FOUR_FIFTHS = 0.8;
    /** The age bands, by their lower bound in years; the last is open. */
    public static final int[] AGE_BANDS = {0, 25, 35, 45, 55};
    public static final String GENDER = "gender";
    public static final String AGE = "age";
    private static final double DAYS_PER_YEAR = 365.25;

    public Fairness {
        attributes = List.copyOf(attributes);
    }

    /**
     * @param groups the groups of one attribute, in display order
     */
    public record Attribute(@JsonProperty("name") String name, @JsonProperty("groups") List<Group> groups) {
        public Attribute {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The figures of one group. Rates are NaN where their denominator is empty (no repayer, say).
     */
    public record Group(@JsonProperty("group") String group, @JsonProperty("count") int count,
                        @JsonProperty("approval-rate") double approvalRate, @JsonProperty("default-rate") double defaultRate,
                        @JsonProperty("false-positive-rate") double falsePositiveRate,
                        @JsonProperty("false-negative-rate") double falseNegativeRate,
                        @JsonProperty("auc") double auc, @JsonProperty("disparate-impact") double disparateImpact) {
        /** True unless the group's approval rate is under four fifths of the most approved group's. */
        public boolean meetsFourFifths() {
            return Double.isNaN(disparateImpact) || disparateImpact >= FOUR_FIFTHS;
        }
    }

    /**
     * @param probability each applicant's predicted probability of default
     * @param target      1 for a default, 0 for a repayment
     * @param threshold   refused at or above
     * @param gender      CODE_GENDER per applicant (null or empty: missing, grouped as XNA as Home Credit does)
     * @param daysBirth   DAYS_BIRTH per applicant (negative days; NaN: missing)
     */
    public static Fairness of(double[] probability, int[] target, double threshold, String[] gender, double[] daysBirth) {
        int n = probability.length;
        if (target.length != n || gender.length != n || daysBirth.length != n) {
            throw new IllegalArgumentException("probability, target, gender and age differ in length: %d, %d, %d, %d"
                    .formatted(n, target.length, gender.length, daysBirth.length));
        }
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(attribute(GENDER, probability, target, threshold, i -> gender[i] == null || gender[i].isEmpty() ? "XNA" : gender[i],
                List.of("F", "M", "XNA")));
        List<String> bands = new ArrayList<>();
        for (int b = 0; b < AGE_BANDS.length; b++) {
            bands.add(band(b));
        }
        bands.add("unknown");
        attributes.add(attribute(AGE, probability, target, threshold, i -> ageBand(daysBirth[i]), bands));
        return new Fairness(attributes);
    }

    /**
     * The same, the groups read from the applicants' own rows ({@code CODE_GENDER}, {@code DAYS_BIRTH}),
     * row for row with {@code probability} and {@code target}.
     */
    public static Fairness of(double[] probability, int[] target, double threshold, Table applications) {
        var days = applications.numberColumn("DAYS_BIRTH");
        double[] daysBirth = new double[days.size()];
        for (int i = 0; i < daysBirth.length; i++) {
            daysBirth[i] = days.isMissing(i) ? Double.NaN : days.getDouble(i);
        }
        return of(probability, target, threshold, applications.stringColumn("CODE_GENDER").asObjectArray(), daysBirth);
    }

    /** The band of an age given as DAYS_BIRTH: "< 25", "25-34", ..., "55+", or "unknown". */
    public static String ageBand(double daysBirth) {
        if (Double.isNaN(daysBirth)) {
            return "unknown";
        }
        double years = -daysBirth / DAYS_PER_YEAR;
        int band = 0;
        while (band + 1 < AGE_BANDS.length && years >= AGE_BANDS[band + 1]) {
            band++;
        }
        return band(band);
    }

    private static String band(int b) {
        if (b == 0) {
            return "< " + AGE_BANDS[1];
        }
        return b == AGE_BANDS.length - 1 ? AGE_BANDS[b] + "+" : AGE_BANDS[b] + "-" + (AGE_BANDS[b + 1] - 1);
    }

    private static Attribute attribute(String name, double[] p, int[] y, double threshold, IntFunction<String> groupOf,
                                       List<String> order) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (String g : order) {
            members.put(g, new ArrayList<>());
        }
        for (int i = 0; i < p.length; i++) {
            members.computeIfAbsent(groupOf.apply(i), k -> new ArrayList<>()).add(i);
        }
        members.values().removeIf(List::isEmpty);
        double best = 0;
        Map<String, double[]> figures = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> group : members.entrySet()) {
            double[] f = figures(group.getValue(), p, y, threshold);
            figures.put(group.getKey(), f);
            best = Math.max(best, f[0]);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, double[]> e : figures.entrySet()) {
            double[] f = e.getValue();
            groups.add(new Group(e.getKey(), members.get(e.getKey()).size(), f[0], f[1], f[2], f[3], f[4],
                    best == 0 ? Double.NaN : f[0] / best));
        }
        return new Attribute(name, groups);
    }

    /** approval rate, default rate, FPR, FNR, AUC of the rows. */
    private static double[] figures(List<Integer> rows, double[] p, int[] y, double threshold) {
        int approved = 0;
        int defaults = 0;
        int repayersRefused = 0;
        int defaultersGranted = 0;
        double[] scores = new double[rows.size()];
        int[] labels = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            boolean refused = p[i] >= threshold;
            approved += refused ? 0 : 1;
            defaults += y[i];
            repayersRefused += refused && y[i] == 0 ? 1 : 0;
            defaultersGranted += !refused && y[i] == 1 ? 1 : 0;
            scores[k] = p[i];
            labels[k] = y[i];
        }
        int n = rows.size();
        int repayers = n - defaults;
        return new double[] {approved / (double) n, defaults / (double) n,
                repayers == 0 ? Double.NaN : repayersRefused / (double) repayers,
                defaults == 0 ? Double.NaN : defaultersGranted / (double) defaults, Statistics.auc(scores, labels)};
    }
}
