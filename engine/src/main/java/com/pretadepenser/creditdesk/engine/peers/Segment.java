package com.pretadepenser.creditdesk.engine.peers;

import java.util.Locale;

/**
 * An attribute that builds a segment of clients "like this one": two clients are in the same
 * segment when their attribute falls in the same band (categories: the same level; missing values
 * form a band of their own).
 */
public enum Segment {
    GENDER("CODE_GENDER", "gender", "sexe", null),
    AGE_BAND("DAYS_BIRTH", "age band (10 years)", "tranche d'âge (10 ans)", new double[] {-25 * 365.25, -35 * 365.25, -45 * 365.25, -55 * 365.25}),
    INCOME_BAND("AMT_INCOME_TOTAL", "income band", "tranche de revenu", new double[] {100_000, 150_000, 200_000, 300_000}),
    CONTRACT_TYPE("NAME_CONTRACT_TYPE", "contract type", "type de contrat", null),
    FAMILY_STATUS("NAME_FAMILY_STATUS", "family status", "situation familiale", null),
    EDUCATION("NAME_EDUCATION_TYPE", "education", "formation", null),
    OCCUPATION("OCCUPATION_TYPE", "occupation", "profession", null),
    INCOME_TYPE("NAME_INCOME_TYPE", "income type", "type de revenu", null),
    REGION_RATING("REGION_RATING_CLIENT", "region rating", "note de la région", null);

    private final String feature;
    private final String english;
    private final String french;
    private final double[] cuts;

    Segment(String feature, String english, String french, double[] cuts) {
        this.feature = feature;
        this.english = english;
        this.french = french;
        this.cuts = cuts;
    }

    public String feature() {
        return feature;
    }

    public String description() {
        return english;
    }

    public String label(Locale locale) {
        return locale.getLanguage().equals("fr") ? french : english;
    }

    /** The band of a value: the value itself for categories, the index between cuts for numbers, -1 for missing. */
    double band(double value) {
        if (Double.isNaN(value)) {
            return -1;
        }
        if (cuts == null) {
            return value;
        }
        int band = 0;
        boolean descending = cuts[0] > cuts[cuts.length - 1];
        for (double cut : cuts) {
            if (descending ? value < cut : value >= cut) {
                band++;
            }
        }
        return band;
    }
}
