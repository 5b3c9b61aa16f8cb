package com.pretadepenser.creditdesk.engine.features;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The factors an officer talks about. Every feature belongs to exactly one family; a family's
 * contribution is the sum of its features'. The history aggregates take their group's family
 * ({@link FeatureGroup}); the application's own fields are placed by the rules of {@link #of}.
 * Names and "nothing on record" sentences in French and English are in {@link FeatureTexts}.
 */
public enum FeatureFamily {
    EXTERNAL_SCORES,
    AGE,
    EMPLOYMENT,
    INCOME_AND_BURDEN,
    LOAN_REQUESTED,
    FAMILY,
    PROFILE,
    HOUSING_AND_REGION,
    CONTACT_AND_DOCUMENTS,
    CREDIT_BUREAU,
    PREVIOUS_APPLICATIONS,
    REPAYMENT_BEHAVIOUR,
    CARD_USAGE;

    public String label(Locale locale) {
        return FeatureTexts.text("family." + name(), locale);
    }

    /**
     * What it means when every feature of this family is missing for a client, said so a client
     * can hear it ("no earlier application on record"); empty for the families where a missing
     * value says nothing (the application's own fields), whose reasons are then left out.
     */
    public Optional<String> absent(Locale locale) {
        String key = "absent." + name();
        return FeatureTexts.has(key) ? Optional.of(FeatureTexts.text(key, locale)) : Optional.empty();
    }

    public static FeatureFamily of(String feature) {
        String f = feature;
        if (f.startsWith("EXT_SOURCE")) {
            return EXTERNAL_SCORES;
        }
        if (f.equals("DAYS_BIRTH")) {
            return AGE;
        }
        Optional<FeatureGroup> group = FeatureGroup.of(f);
        if (group.isPresent()) {
            return group.get().family();
        }
        if (f.startsWith("AMT_REQ_CREDIT_BUREAU")) {
            return CREDIT_BUREAU;
        }
        if (List.of("DAYS_EMPLOYED", "DAYS_EMPLOYED_PERC", "NAME_INCOME_TYPE", "OCCUPATION_TYPE", "ORGANIZATION_TYPE",
                "FLAG_EMP_PHONE").contains(f)) {
            return EMPLOYMENT;
        }
        if (List.of("AMT_INCOME_TOTAL", "INCOME_CREDIT_PERC", "INCOME_PER_PERSON", "ANNUITY_INCOME_PERC").contains(f)) {
            return INCOME_AND_BURDEN;
        }
        if (List.of("AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE", "PAYMENT_RATE", "NAME_CONTRACT_TYPE",
                "WEEKDAY_APPR_PROCESS_START", "HOUR_APPR_PROCESS_START").contains(f)) {
            return LOAN_REQUESTED;
        }
        if (List.of("CNT_CHILDREN", "CNT_FAM_MEMBERS", "NAME_FAMILY_STATUS", "NAME_TYPE_SUITE").contains(f)
                || f.contains("SOCIAL_CIRCLE")) {
            return FAMILY;
        }
        if (List.of("CODE_GENDER", "NAME_EDUCATION_TYPE", "FLAG_OWN_CAR", "OWN_CAR_AGE").contains(f)) {
            return PROFILE;
        }
        if (f.equals("FLAG_OWN_REALTY")) {
            return HOUSING_AND_REGION;
        }
        if (f.startsWith("FLAG_") || f.equals("DAYS_ID_PUBLISH") || f.equals("DAYS_LAST_PHONE_CHANGE")) {
            return CONTACT_AND_DOCUMENTS;
        }
        return HOUSING_AND_REGION;
    }
}
