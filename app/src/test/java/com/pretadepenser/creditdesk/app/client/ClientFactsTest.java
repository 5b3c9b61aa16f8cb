package com.pretadepenser.creditdesk.app.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientFactsTest {
    private static Map<String, String> facts(MainViewModel main) {
        return ClientFacts.of(main.clientProperty().get(), main.i18n()).stream()
                .collect(Collectors.toMap(ClientFacts.Fact::label, ClientFacts.Fact::value));
    }

    @Test
    void factsAreInHumanUnits() {
        Map<String, String> facts = facts(DemoWorkspace.mainViewModel(Locale.ENGLISH, DemoWorkspace.KNOWN_FACTS_CLIENT));

        assertEquals("46 years", facts.get("Age"));
        assertEquals("Male", facts.get("Gender"));
        assertEquals("Married, 1 child", facts.get("Family"));
        assertEquals("135,000 (Working)", facts.get("Income (yearly)"));
        assertEquals("1.9 years", facts.get("Employed for"));
        assertEquals("269,560", facts.get("Credit amount"));
        assertEquals("20.0 annuities", facts.get("Credit / annuity"));
        assertEquals("10.0 %", facts.get("Annuity / income"));
        assertEquals("5 credits, 5 active, 0 overdue", facts.get("Other lenders"));
        assertEquals("defaulted", facts.get("Known outcome"));
    }

    @Test
    void frenchCardTranslatesLabelsAndCategoryValues() {
        Map<String, String> facts = facts(DemoWorkspace.mainViewModel(Locale.FRENCH, DemoWorkspace.KNOWN_FACTS_CLIENT));

        assertEquals("46 ans", facts.get("\u00c2ge"));
        assertEquals("Mari\u00e9, 1 enfant", facts.get("Famille"));
        assertEquals("135\u202f000 (Salari\u00e9)".replace('\u202f', facts.get("Revenu (annuel)").charAt(3)), facts.get("Revenu (annuel)"));
        assertEquals("Pr\u00eat personnel", facts.get("Contrat"));
    }

    @Test
    void aClientWithoutEmploymentSaysSo() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        main.load(DemoWorkspace.NOT_EMPLOYED_CLIENT);

        Map<String, String> facts = facts(main);

        assertEquals(new I18n(Locale.ENGLISH).get("card.notEmployed"), facts.get("Employed for"));
    }
}
