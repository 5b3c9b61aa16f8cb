package com.pretadepenser.creditdesk.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ApplicationFormTest {
    private static Map<String, Object> valid() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("AMT_INCOME_TOTAL", 135_000);
        fields.put("AMT_CREDIT", 406_597.5);
        fields.put("AMT_ANNUITY", 24_700.5);
        fields.put("DAYS_BIRTH", -12_005);
        fields.put("DAYS_EMPLOYED", -1_188);
        fields.put("NAME_INCOME_TYPE", "Working");
        return fields;
    }

    @Test
    void aCompleteFormBecomesOneApplicationRowWithTheRestMissing() {
        Application row = ApplicationForm.toApplication(valid());
        assertEquals(120, row.numberColumns().size() + row.textColumns().size(), "every application column but the id");
        assertEquals(406_597.5, row.number("AMT_CREDIT"));
        assertEquals(java.util.Optional.of("Working"), row.text("NAME_INCOME_TYPE"));
        assertTrue(Double.isNaN(row.number("EXT_SOURCE_1")));
        assertTrue(row.text("OCCUPATION_TYPE").isEmpty());
        assertTrue(row.outcome().isEmpty());
        assertEquals(0, row.clientId(), "a new application has no SK_ID_CURR of the dataset");
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        List<ApplicationForm.FieldError> errors = ApplicationForm.validate(Map.of("AMT_CREDIT", 1000));
        assertEquals(List.of("AMT_INCOME_TOTAL", "AMT_ANNUITY", "DAYS_BIRTH", "DAYS_EMPLOYED", "NAME_INCOME_TYPE"),
                errors.stream().map(ApplicationForm.FieldError::field).toList());
    }

    @Test
    void implausibleValuesAreRefusedWithWhatToWrite() {
        Map<String, Object> fields = valid();
        fields.put("DAYS_BIRTH", 30);
        fields.put("DAYS_EMPLOYED", 500);
        fields.put("AMT_CREDIT", -5);
        ApplicationForm.InvalidApplicationException e = assertThrows(ApplicationForm.InvalidApplicationException.class,
                () -> ApplicationForm.toApplication(fields));
        assertEquals(3, e.errors().size());
        assertTrue(e.getMessage().contains("DAYS_BIRTH must be the age in days before the application"), e.getMessage());
        assertTrue(e.getMessage().contains("365243 for a pensioner"), e.getMessage());
    }

    @Test
    void theRefusalReadsInFrenchFieldByField() {
        Map<String, Object> fields = valid();
        fields.remove("AMT_ANNUITY");
        fields.put("AMT_CREDIT", -5);
        ApplicationForm.InvalidApplicationException e = assertThrows(ApplicationForm.InvalidApplicationException.class,
                () -> ApplicationForm.toApplication(fields));

        assertEquals("The application has 2 invalid fields: AMT_ANNUITY is required; AMT_CREDIT must be positive", e.getMessage());
        assertEquals("La demande a 2 champs invalides : AMT_ANNUITY est obligatoire ; AMT_CREDIT doit être positif",
                e.getLocalizedMessage(Locale.FRENCH));
        assertEquals("est obligatoire", e.errors().get(0).message(Locale.FRENCH));
        assertEquals("is required", e.errors().get(0).message());
    }

    @Test
    void aPensionerMayGiveTheSentinel() {
        Map<String, Object> fields = valid();
        fields.put("DAYS_EMPLOYED", 365_243);
        fields.put("NAME_INCOME_TYPE", "Pensioner");
        assertTrue(ApplicationForm.validate(fields).isEmpty());
    }
}
