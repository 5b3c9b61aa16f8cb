package com.pretadepenser.creditdesk.engine.explain;

import java.util.List;
import java.util.Locale;

/**
 * The factors an officer talks about. Every feature belongs to exactly one family; a family's
 * contribution is the sum of its features'. Rules are checked in declaration order of {@link #of}.
 */
public enum FeatureFamily {
    EXTERNAL_SCORES("external credit scores", "les scores de crédit externes"),
    AGE("age", "l'âge"),
    EMPLOYMENT("employment", "l'emploi"),
    INCOME_AND_BURDEN("income and loan burden", "les revenus et la charge du prêt"),
    LOAN_REQUESTED("the loan requested", "le prêt demandé"),
    FAMILY("family situation", "la situation familiale"),
    PROFILE("education and personal profile", "la formation et le profil personnel"),
    HOUSING_AND_REGION("housing and region", "le logement et la région"),
    CONTACT_AND_DOCUMENTS("contact details and documents", "les coordonnées et les documents"),
    CREDIT_BUREAU("credit history at other lenders", "l'historique de crédit auprès d'autres prêteurs"),
    PREVIOUS_APPLICATIONS("previous applications with us", "les demandes précédentes chez nous"),
    REPAYMENT_BEHAVIOUR("repayment of previous loans", "le remboursement des prêts précédents"),
    CARD_USAGE("credit card usage", "l'utilisation de la carte de crédit");

    private final String english;
    private final String french;

    FeatureFamily(String english, String french) {
        this.english = english;
        this.french = french;
    }

    public String label(Locale locale) {
        return locale.getLanguage().equals("fr") ? french : english;
    }

    /**
     * What it means when every feature of this family is missing for a client, said so a client
     * can hear it ("no earlier application on record"); empty for the families where a missing
     * value says nothing (the application's own fields), whose reasons are then left out.
     */
    public java.util.Optional<String> absent(Locale locale) {
        boolean fr = locale.getLanguage().equals("fr");
        return java.util.Optional.ofNullable(switch (this) {
            case EXTERNAL_SCORES -> fr ? "aucun score externe disponible" : "no external score available";
            case CREDIT_BUREAU -> fr ? "aucun crédit auprès d'autres prêteurs enregistré" : "no credit at other lenders on record";
            case PREVIOUS_APPLICATIONS -> fr ? "aucune demande précédente enregistrée" : "no earlier application on record";
            case REPAYMENT_BEHAVIOUR -> fr ? "aucun prêt précédent à rembourser enregistré" : "no earlier loan to repay on record";
            case CARD_USAGE -> fr ? "aucune carte de crédit enregistrée" : "no credit card on record";
            default -> null;
        });
    }

    public static FeatureFamily of(String feature) {
        String f = feature;
        if (f.startsWith("EXT_SOURCE")) {
            return EXTERNAL_SCORES;
        }
        if (f.equals("DAYS_BIRTH")) {
            return AGE;
        }
        if (f.startsWith("BURO_") || f.startsWith("ACTIVE_") || f.startsWith("CLOSED_") || f.startsWith("AMT_REQ_CREDIT_BUREAU")) {
            return CREDIT_BUREAU;
        }
        if (f.startsWith("PREV_") || f.startsWith("APPROVED_") || f.startsWith("REFUSED_")) {
            return PREVIOUS_APPLICATIONS;
        }
        if (f.startsWith("INSTAL_") || f.startsWith("POS_")) {
            return REPAYMENT_BEHAVIOUR;
        }
        if (f.startsWith("CC_")) {
            return CARD_USAGE;
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
