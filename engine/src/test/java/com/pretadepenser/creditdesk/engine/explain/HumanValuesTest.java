package com.pretadepenser.creditdesk.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanValuesTest {
    private final FeatureSchema schema = new FeatureSchema(Map.of("application.NAME_CONTRACT_TYPE", List.of("Cash loans", "Revolving loans")));
    private final HumanValues en = new HumanValues(schema, Locale.ENGLISH);
    private final HumanValues fr = new HumanValues(schema, Locale.FRENCH);

    @Test
    void ageInYearsNotDays() {
        assertEquals("32 years", en.format("DAYS_BIRTH", -12005));
        assertEquals("32 ans", fr.format("DAYS_BIRTH", -12005));
    }

    @Test
    void employmentInYearsAndDatesAsTimeAgo() {
        assertEquals("3.3 years", en.format("DAYS_EMPLOYED", -1188));
        assertEquals("4.1 years ago", en.format("DAYS_REGISTRATION", -1500));
        assertEquals("il y a 200 jours", fr.format("DAYS_ID_PUBLISH", -200));
    }

    @Test
    void amountsRatiosScoresFlagsAndCategories() {
        assertEquals("406,598", en.format("AMT_CREDIT", 406597.5));
        assertEquals("12.5 %", en.format("PAYMENT_RATE", 0.125));
        assertEquals("0.52", en.format("EXT_SOURCE_2", 0.5213));
        assertEquals("yes", en.format("FLAG_WORK_PHONE", 1));
        assertEquals("non", fr.format("FLAG_WORK_PHONE", 0));
        assertEquals("Revolving loans", en.format("NAME_CONTRACT_TYPE", 1));
        assertEquals("unknown", en.format("EXT_SOURCE_1", Double.NaN));
        assertEquals("33.3 %", en.format("PREV_NAME_CONTRACT_STATUS_Refused_MEAN", 1 / 3.0));
    }
}
