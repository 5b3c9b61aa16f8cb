package com.pretadepenser.creditdesk.app.whatif;

import com.pretadepenser.creditdesk.app.form.EditableField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfViewModelTest {
    private static EditableField field(WhatIfViewModel model, String column) {
        return model.fields().stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }

    @Test
    void startsFromTheClientsApplicationInHumanUnits() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.KNOWN_FACTS_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);

        assertEquals("269,560", field(model, "AMT_CREDIT").textProperty().get());
        assertEquals("135,000", field(model, "AMT_INCOME_TOTAL").textProperty().get());
        assertEquals("1.9", field(model, "DAYS_EMPLOYED").textProperty().get());
        assertSame(main.clientProperty().get(), model.editedProperty().get());
        assertFalse(model.changedProperty().get());
    }

    @Test
    void anEditRescoresThroughTheSameFeaturePathAsTheEngine() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.KNOWN_FACTS_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);
        var original = main.clientProperty().get();

        field(model, "AMT_CREDIT").textProperty().set("150,000");

        var edited = model.editedProperty().get();
        var expected = DemoWorkspace.get().scorer().score(original.application().with(Map.of("AMT_CREDIT", 150_000.0)));
        assertEquals(expected.score().probability(), edited.probability(), 0);
        assertNotEquals(original.probability(), edited.probability());
        assertEquals(150_000, edited.application().number("AMT_CREDIT"), 0);
        assertEquals(269_560.110542, original.application().number("AMT_CREDIT"), 1e-9, "the original row is untouched");
        for (String untouched : new String[] {"AMT_ANNUITY", "AMT_GOODS_PRICE", "AMT_INCOME_TOTAL", "DAYS_EMPLOYED"}) {
            assertEquals(original.application().number(untouched), edited.application().number(untouched), 0,
                    untouched + " keeps its exact value, not its rounded display");
        }
        assertTrue(model.comparisonProperty().get().startsWith("original " + DemoWorkspace.percent(original.probability()) + " \u2192 "),
                model.comparisonProperty().get());
        assertTrue(model.changedProperty().get());
    }

    @Test
    void invalidTextShowsAMessageAndKeepsTheLastScore() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        WhatIfViewModel model = new WhatIfViewModel(main);
        var before = model.editedProperty().get();

        field(model, "AMT_ANNUITY").textProperty().set("lots");
        field(model, "CNT_CHILDREN").textProperty().set("1.5");

        assertEquals("\u201clots\u201d is not a number.", field(model, "AMT_ANNUITY").errorProperty().get());
        assertEquals("A whole number from 0 to 30.", field(model, "CNT_CHILDREN").errorProperty().get());
        assertSame(before, model.editedProperty().get());
    }

    @Test
    void resetGoesBackToTheOriginal() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.KNOWN_FACTS_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);
        field(model, "AMT_INCOME_TOTAL").textProperty().set("900000");

        model.reset();

        assertEquals("135,000", field(model, "AMT_INCOME_TOTAL").textProperty().get());
        assertSame(main.clientProperty().get(), model.editedProperty().get());
        assertEquals("", model.comparisonProperty().get());
    }

    @Test
    void listsTheEnginesSuggestionsAndApplyingAnyOfThemGrants() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        main.load(DemoWorkspace.NEAR_THRESHOLD_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);
        var application = main.clientProperty().get().application();
        var expected = DemoWorkspace.get().counterfactuals().search(application);

        assertTrue(model.suggestionApplicableProperty().get());
        assertEquals("Each of these changes alone would grant it (choose one to apply it):", model.suggestionProperty().get());
        assertEquals(expected.suggestions().stream().map(c -> c.sentence().format(Locale.ENGLISH)).toList(),
                model.suggestions().stream().map(WhatIfViewModel.Suggestion::text).toList());
        for (int i = 0; i < expected.suggestions().size(); i++) {
            var suggested = expected.suggestions().get(i);
            model.reset();
            model.applySuggestion(i);

            assertEquals(Decision.GRANTED, model.editedProperty().get().explanation().score().decision(), suggested.lever().name());
            assertEquals(suggested.probability(), model.editedProperty().get().probability(), 1e-12,
                    "applying it gives its probability: the fields keep the exact values");
            for (var change : suggested.changes().entrySet()) {
                assertEquals(change.getValue()[1], model.editedProperty().get().application().number(change.getKey()), 0.0);
            }
            assertEquals("The application is granted as it stands.", model.suggestionProperty().get());
            assertTrue(model.suggestions().isEmpty());
        }
    }

    @Test
    void saysWhenNoChangeWithinTheBoundsGrantsAndNamesThem() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.FRENCH);
        main.load(DemoWorkspace.REFUSED_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);

        assertTrue(model.suggestionProperty().get().startsWith("Aucune modification dans les limites n'accorde cette demande. "
                + "Limites : le cr\u00e9dit jusqu'\u00e0 30\u00a0% du montant demand\u00e9"), model.suggestionProperty().get());
        assertFalse(model.suggestionApplicableProperty().get());
        assertTrue(model.suggestions().isEmpty());
    }

    @Test
    void yearsEmployedConvertsToDaysAndEmptyMeansNotEmployed() {
        var i18n = new com.pretadepenser.creditdesk.app.common.I18n(Locale.ENGLISH);
        EditableField years = new EditableField("DAYS_EMPLOYED", "field.yearsEmployed", EditableField.Kind.YEARS, false);

        years.textProperty().set("2");
        assertEquals(-731, years.raw(i18n).getAsDouble(), 0);
        years.textProperty().set("");
        assertEquals(EditableField.NOT_EMPLOYED, years.raw(i18n).getAsDouble(), 0);
        years.show(EditableField.NOT_EMPLOYED, i18n);
        assertEquals("", years.textProperty().get());
        years.textProperty().set("75");
        assertTrue(years.raw(i18n).isEmpty());
        assertEquals("Between 0 and 60 years.", years.errorProperty().get());
    }

    @Test
    void hiddenWhatIfLooksForTheSuggestionOnlyOnceShown() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        WhatIfViewModel model = new WhatIfViewModel(main);
        model.activeProperty().set(false);

        main.load(DemoWorkspace.NEAR_THRESHOLD_CLIENT);
        assertEquals("", model.suggestionProperty().get());
        double credit = DemoWorkspace.get().scorer().application(DemoWorkspace.NEAR_THRESHOLD_CLIENT).number("AMT_CREDIT");
        assertEquals(String.format(Locale.ENGLISH, "%,.0f", credit), field(model, "AMT_CREDIT").textProperty().get(),
                "the fields follow the client anyway");

        model.activeProperty().set(true);
        suggestion(model);
    }

    /** The suggestions shown, once the search has run: at least one, the first the engine's. */
    private static void suggestion(WhatIfViewModel model) {
        assertFalse(model.suggestions().isEmpty(), model.suggestionProperty().get());
        assertEquals("Each of these changes alone would grant it (choose one to apply it):", model.suggestionProperty().get());
    }

    @Test
    void aLanguageSwitchKeepsTheOfficersEdits() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        WhatIfViewModel model = new WhatIfViewModel(main);
        field(model, "AMT_CREDIT").textProperty().set("150,000");
        double edited = model.editedProperty().get().probability();

        main.i18n().setLocale(Locale.FRENCH);

        assertEquals("150000", field(model, "AMT_CREDIT").textProperty().get().replaceAll("\\s|\u202f|\u00a0", ""));
        assertEquals(edited, model.editedProperty().get().probability(), 0);
        assertTrue(model.editedProperty().get().explanation().summary().startsWith("La demande"), "re-explained in French");
        String own = DemoWorkspace.percent(main.clientProperty().get().probability(), Locale.FRENCH);
        assertTrue(model.comparisonProperty().get().startsWith("original " + own), model.comparisonProperty().get());
    }

    @Test
    void aCategoryCanBeChangedToo() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.KNOWN_FACTS_CLIENT);
        WhatIfViewModel model = new WhatIfViewModel(main);
        var income = model.choices().stream().filter(c -> c.column().equals("NAME_INCOME_TYPE")).findFirst().orElseThrow();
        assertEquals("Working", income.valueProperty().get());
        assertTrue(income.options().contains("Commercial associate"));

        income.valueProperty().set("Commercial associate");

        var original = main.clientProperty().get();
        var expected = DemoWorkspace.get().scorer().score(original.application().with(Map.of("NAME_INCOME_TYPE", "Commercial associate")));
        assertEquals(expected.score().probability(), model.editedProperty().get().probability(), 0);
        assertEquals(java.util.Optional.of("Commercial associate"), model.editedProperty().get().application().text("NAME_INCOME_TYPE"));

        model.reset();
        assertEquals("Working", income.valueProperty().get());
    }
}
