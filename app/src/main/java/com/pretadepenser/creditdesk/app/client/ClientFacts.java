package com.pretadepenser.creditdesk.app.client;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.engine.explain.Levels;
import com.pretadepenser.creditdesk.engine.features.HistorySummary;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/** The key facts an officer talks about, read from the application row and put in human units. */
public final class ClientFacts {
    static final double DAYS_PER_YEAR = 365.25;
    /** DAYS_EMPLOYED's code for "not employed" (pensioners, unemployed) in the Home Credit data. */
    static final double NOT_EMPLOYED = com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL;

    /** A labelled fact, grouped under a section of the card. */
    public record Fact(String section, String label, String value) {
    }

    private ClientFacts() {
    }

    public static List<Fact> of(LoadedClient client, I18n i18n) {
        Application row = client.application();
        NumberFormat amount = NumberFormat.getIntegerInstance(i18n.locale());
        List<Fact> facts = new ArrayList<>();
        String person = i18n.get("card.section.person");
        facts.add(new Fact(person, i18n.get("card.age"), years(number(row, "DAYS_BIRTH"), i18n)));
        String gender = text(row, "CODE_GENDER");
        facts.add(new Fact(person, i18n.get("card.gender"),
                "F".equals(gender) ? i18n.get("card.gender.f") : "M".equals(gender) ? i18n.get("card.gender.m") : i18n.get("value.unknown")));
        facts.add(new Fact(person, i18n.get("card.family"), orUnknown(text(row, "NAME_FAMILY_STATUS"), i18n)
                + ", " + i18n.get("card.children", (int) orZero(number(row, "CNT_CHILDREN")))));
        facts.add(new Fact(person, i18n.get("card.housing"), orUnknown(text(row, "NAME_HOUSING_TYPE"), i18n)));
        facts.add(new Fact(person, i18n.get("card.education"), orUnknown(text(row, "NAME_EDUCATION_TYPE"), i18n)));

        String work = i18n.get("card.section.work");
        facts.add(new Fact(work, i18n.get("card.income"), money(number(row, "AMT_INCOME_TOTAL"), amount, i18n)
                + " (" + orUnknown(text(row, "NAME_INCOME_TYPE"), i18n) + ")"));
        double employed = number(row, "DAYS_EMPLOYED");
        facts.add(new Fact(work, i18n.get("card.employed"), employed == NOT_EMPLOYED ? i18n.get("card.notEmployed")
                : Double.isNaN(employed) ? i18n.get("value.unknown") : i18n.get("card.yearsDecimal", -employed / DAYS_PER_YEAR)));
        facts.add(new Fact(work, i18n.get("card.occupation"), orUnknown(text(row, "OCCUPATION_TYPE"), i18n)));

        String loan = i18n.get("card.section.loan");
        facts.add(new Fact(loan, i18n.get("card.contract"), orUnknown(text(row, "NAME_CONTRACT_TYPE"), i18n)));
        double credit = number(row, "AMT_CREDIT");
        double annuity = number(row, "AMT_ANNUITY");
        facts.add(new Fact(loan, i18n.get("card.credit"), money(credit, amount, i18n)));
        facts.add(new Fact(loan, i18n.get("card.annuity"), money(annuity, amount, i18n)));
        facts.add(new Fact(loan, i18n.get("card.goods"), money(number(row, "AMT_GOODS_PRICE"), amount, i18n)));
        facts.add(new Fact(loan, i18n.get("card.term"), annuity > 0 && credit > 0
                ? i18n.get("card.termMonths", credit / annuity) : i18n.get("value.unknown")));
        double income = number(row, "AMT_INCOME_TOTAL");
        facts.add(new Fact(loan, i18n.get("card.burden"), annuity > 0 && income > 0
                ? i18n.get("card.percent", 100 * annuity / income) : i18n.get("value.unknown")));

        String past = i18n.get("card.section.history");
        HistorySummary h = client.history();
        facts.add(new Fact(past, i18n.get("card.bureau"), i18n.get("card.bureauValue", h.bureauCredits(), h.bureauActive(), h.bureauOverdue())));
        facts.add(new Fact(past, i18n.get("card.previous"), i18n.get("card.previousValue", h.previousApplications(), h.previousApproved(), h.previousRefused())));
        facts.add(new Fact(past, i18n.get("card.instalments"), h.instalments() == 0 ? i18n.get("card.none")
                : i18n.get("card.instalmentsValue", h.instalments(), 100.0 * h.instalmentsLate() / h.instalments())));
        client.outcome().ifPresent(outcome -> facts.add(new Fact(past, i18n.get("card.outcome"),
                i18n.get(outcome == 1 ? "card.outcome.defaulted" : "card.outcome.repaid"))));
        return facts;
    }

    /** A numeric column of an application, NaN when absent or missing. */
    public static double number(Application row, String column) {
        return row.isNumber(column) ? row.number(column) : Double.NaN;
    }

    /** A text column of an application, null when absent or missing. */
    public static String text(Application row, String column) {
        return row.textColumns().contains(column) ? row.text(column).orElse(null) : null;
    }

    private static String orUnknown(String value, I18n i18n) {
        return value == null || value.isBlank() ? i18n.get("value.unknown") : Levels.label(value, i18n.locale());
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static String years(double days, I18n i18n) {
        return Double.isNaN(days) ? i18n.get("value.unknown") : i18n.get("card.years", Math.floor(-days / DAYS_PER_YEAR));
    }

    private static String money(double value, NumberFormat format, I18n i18n) {
        return Double.isNaN(value) ? i18n.get("value.unknown") : format.format(value);
    }
}
