package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.Optional;

/**
 * The catalogue of the history aggregates: each group of features the pipeline makes from a child
 * table, with the prefix of its feature names, the table it comes from, the family an officer
 * knows it by, an English description (model cards, tooltips) and the key of its French and English
 * labels in {@link FeatureTexts}. The pipeline names its features from here, and the descriptions,
 * families and labels read them back from here: a new group is one line.
 */
public enum FeatureGroup {
    BUREAU("BURO_", HomeCreditTable.BUREAU, FeatureFamily.CREDIT_BUREAU,
            "all credits at other institutions (credit bureau)"),
    ACTIVE_BUREAU("ACTIVE_", HomeCreditTable.BUREAU, FeatureFamily.CREDIT_BUREAU,
            "active credits at other institutions"),
    CLOSED_BUREAU("CLOSED_", HomeCreditTable.BUREAU, FeatureFamily.CREDIT_BUREAU,
            "closed credits at other institutions"),
    PREVIOUS("PREV_", HomeCreditTable.PREVIOUS_APPLICATION, FeatureFamily.PREVIOUS_APPLICATIONS,
            "all previous applications at Home Credit"),
    APPROVED("APPROVED_", HomeCreditTable.PREVIOUS_APPLICATION, FeatureFamily.PREVIOUS_APPLICATIONS,
            "approved previous applications"),
    REFUSED("REFUSED_", HomeCreditTable.PREVIOUS_APPLICATION, FeatureFamily.PREVIOUS_APPLICATIONS,
            "refused previous applications"),
    POS_CASH("POS_", HomeCreditTable.POS_CASH_BALANCE, FeatureFamily.REPAYMENT_BEHAVIOUR,
            "monthly balances of previous POS and cash loans"),
    INSTALMENTS("INSTAL_", HomeCreditTable.INSTALLMENTS_PAYMENTS, FeatureFamily.REPAYMENT_BEHAVIOUR,
            "instalment payments of previous credits"),
    CREDIT_CARD("CC_", HomeCreditTable.CREDIT_CARD_BALANCE, FeatureFamily.CARD_USAGE,
            "monthly balances of previous credit cards");

    /** The suffix of a group's record count ({@code POS_COUNT}). */
    public static final String COUNT = "COUNT";

    private final String prefix;
    private final HomeCreditTable source;
    private final FeatureFamily family;
    private final String description;

    FeatureGroup(String prefix, HomeCreditTable source, FeatureFamily family, String description) {
        this.prefix = prefix;
        this.source = source;
        this.family = family;
        this.description = description;
    }

    /** The start of every feature name of the group, underscore included ({@code BURO_}). */
    public String prefix() {
        return prefix;
    }

    /** The child table the group aggregates (bureau_balance's features come through bureau). */
    public HomeCreditTable source() {
        return source;
    }

    public FeatureFamily family() {
        return family;
    }

    /** What the group's records are, in English, to end "... over the client's {description}". */
    public String description() {
        return description;
    }

    /** The key of the group's name in {@link FeatureTexts} ("credits at other lenders"). */
    public String labelKey() {
        return "group." + name();
    }

    /** The name of the group's feature {@code rest} ({@code BURO_} + {@code AMT_CREDIT_SUM_MEAN}). */
    public String feature(String rest) {
        return prefix + rest;
    }

    /** The group a feature belongs to, by its prefix; empty for application features. */
    public static Optional<FeatureGroup> of(String feature) {
        for (FeatureGroup group : values()) {
            if (feature.startsWith(group.prefix)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
