package com.pretadepenser.creditdesk.app.newapp;

import com.pretadepenser.creditdesk.app.form.ChoiceField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.form.EditableField;
import com.pretadepenser.creditdesk.engine.scoring.ApplicationForm;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewApplicationViewModelTest {
    private static EditableField number(NewApplicationViewModel model, String column) {
        return model.numbers().stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }

    private static ChoiceField choice(NewApplicationViewModel model, String column) {
        return model.choices().stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }

    static void fillValid(NewApplicationViewModel model) {
        number(model, "DAYS_BIRTH").textProperty().set("34");
        number(model, "AMT_INCOME_TOTAL").textProperty().set("180000");
        number(model, "DAYS_EMPLOYED").textProperty().set("4.5");
        number(model, "AMT_CREDIT").textProperty().set("540000");
        number(model, "AMT_ANNUITY").textProperty().set("27000");
        number(model, "EXT_SOURCE_2").textProperty().set("0.55");
        choice(model, "CODE_GENDER").valueProperty().set("F");
        choice(model, "NAME_INCOME_TYPE").valueProperty().set("Working");
        choice(model, "NAME_CONTRACT_TYPE").valueProperty().set("Cash loans");
    }

    @Test
    void emptyFormNamesEveryRequiredField() {
        NewApplicationViewModel model = new NewApplicationViewModel(DemoWorkspace.mainViewModel(Locale.ENGLISH));

        assertFalse(model.score());

        assertEquals("Some fields need attention (see the messages under them).", model.formErrorProperty().get());
        assertEquals("Required.", number(model, "DAYS_BIRTH").errorProperty().get());
        assertEquals("Required.", number(model, "AMT_CREDIT").errorProperty().get());
        assertEquals("", number(model, "AMT_GOODS_PRICE").errorProperty().get(), "optional");
        assertEquals("Choose one.", choice(model, "NAME_INCOME_TYPE").errorProperty().get());
        assertNull(model.resultProperty().get());
    }

    @Test
    void fieldsAreCheckedAsTheyAreTyped() {
        NewApplicationViewModel model = new NewApplicationViewModel(DemoWorkspace.mainViewModel(Locale.FRENCH));

        number(model, "DAYS_BIRTH").textProperty().set("15");
        number(model, "EXT_SOURCE_1").textProperty().set("1,4");

        assertEquals("Entre 18 et 100 ans.", number(model, "DAYS_BIRTH").errorProperty().get());
        assertEquals("Entre 0 et 1.", number(model, "EXT_SOURCE_1").errorProperty().get());
        number(model, "DAYS_BIRTH").textProperty().set("40");
        assertEquals("", number(model, "DAYS_BIRTH").errorProperty().get());
    }

    @Test
    void familyMustCountTheApplicantAndChildren() {
        NewApplicationViewModel model = new NewApplicationViewModel(DemoWorkspace.mainViewModel(Locale.ENGLISH));
        fillValid(model);
        number(model, "CNT_CHILDREN").textProperty().set("2");
        number(model, "CNT_FAM_MEMBERS").textProperty().set("2");

        assertFalse(model.score());

        assertEquals("Family members must count the applicant and the children.", model.formErrorProperty().get());
    }

    @Test
    void aValidFormIsScoredLikeTheEnginesFormWithNoHistory() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        NewApplicationViewModel model = new NewApplicationViewModel(main);
        fillValid(model);

        assertTrue(model.score());

        Map<String, Object> same = new LinkedHashMap<>();
        same.put("SK_ID_CURR", NewApplicationViewModel.NEW_CLIENT_ID);
        same.put("DAYS_BIRTH", -Math.round(34 * 365.25) * 1.0);
        same.put("AMT_INCOME_TOTAL", 180000.0);
        same.put("DAYS_EMPLOYED", -Math.round(4.5 * 365.25) * 1.0);
        same.put("AMT_CREDIT", 540000.0);
        same.put("AMT_ANNUITY", 27000.0);
        same.put("EXT_SOURCE_2", 0.55);
        same.put("CODE_GENDER", "F");
        same.put("NAME_INCOME_TYPE", "Working");
        same.put("NAME_CONTRACT_TYPE", "Cash loans");
        double expected = DemoWorkspace.get().scorer().score(ApplicationForm.toApplication(same)).score().probability();
        var result = model.resultProperty().get();
        assertEquals(expected, result.probability(), 0);
        assertEquals(0, result.history().bureauCredits());
        assertEquals("", model.formErrorProperty().get());
        assertEquals(main.clientProperty().get().id(), DemoWorkspace.REFUSED_CLIENT, "the searched client is not replaced");
    }

    @Test
    void choicesOfferTheModelsLevels() {
        NewApplicationViewModel model = new NewApplicationViewModel(DemoWorkspace.mainViewModel(Locale.ENGLISH));

        assertTrue(choice(model, "NAME_CONTRACT_TYPE").options().containsAll(java.util.List.of("Cash loans", "Revolving loans")));
        assertFalse(choice(model, "CODE_GENDER").options().contains("XNA"), "the data's placeholder is not offered");
    }
}
