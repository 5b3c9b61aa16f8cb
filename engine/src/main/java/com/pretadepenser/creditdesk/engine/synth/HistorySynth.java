package com.pretadepenser.creditdesk.engine.synth;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A client's credit history across the six child tables, written row by row. Counts per client
 * follow the full Kaggle data's ratios (documented in docs/synthetic-data.md); keys are consistent
 * (every child row points at a generated parent); monthly balances run over the credit's own dates.
 * The client's hidden creditworthiness drives overdue bureau debt, late instalments and refused
 * applications, which the {@link RiskModel} then reads back.
 */
final class HistorySynth {
    /** Share of clients with at least one bureau credit, and mean credits among them (Kaggle: 305,811 / 356,255; 5.61). */
    static final double BUREAU_COVERAGE = 0.858;
    static final double BUREAU_MEAN = 5.61;
    /**
     * Share of bureau credits with a monthly balance history. Kaggle has 817,395 of 1,716,428 (47.6 %)
     * but not always from the credit's first month; 42 % with full histories gives Kaggle's 15.9 rows
     * of bureau_balance per bureau credit.
     */
    static final double BALANCE_COVERAGE = 0.42;
    /** Share of instalments paid in two parts (two payment rows), for Kaggle's 13.6 payment rows per previous credit. */
    static final double SPLIT_PAYMENT = 0.3;
    /** Share of clients with previous applications, and mean among them (Kaggle: 338,857 / 356,255; 4.93). */
    static final double PREVIOUS_COVERAGE = 0.951;
    static final double PREVIOUS_MEAN = 4.93;
    private static final double DAYS_PER_MONTH = 30.4375;
    private static final int HISTORY_MONTHS = 96;

    private final HomeCreditProfile profile;
    private final Writers out;
    private long nextBureauId = 5_000_000;
    private long nextPreviousId = 1_000_000;

    /** The child-table writers. */
    record Writers(TableWriter bureau, TableWriter bureauBalance, TableWriter previous, TableWriter pos,
                   TableWriter installments, TableWriter creditCard) {
    }

    /** What the risk model reads of the history. */
    record Summary(boolean bureauOverdue, double lateShare, int refused) {
    }

    HistorySynth(HomeCreditProfile profile, Writers out) {
        this.profile = profile;
        this.out = out;
    }

    Summary generate(int clientId, SplittableRandom rng, double risk, double wealth) {
        boolean overdue = bureau(clientId, rng, risk, wealth);
        int[] late = {0, 0};
        int refused = previous(clientId, rng, risk, wealth, late);
        return new Summary(overdue, late[1] == 0 ? 0 : late[0] / (double) late[1], refused);
    }

    private static int count(SplittableRandom rng, double coverage, double mean) {
        if (rng.nextDouble() >= coverage) {
            return 0;
        }
        double p = 1 / mean;
        return 1 + (int) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(1 - p));
    }

    private boolean bureau(int clientId, SplittableRandom rng, double risk, double wealth) {
        int credits = count(rng, BUREAU_COVERAGE, BUREAU_MEAN);
        boolean anyOverdue = false;
        TableWriter b = out.bureau();
        for (int k = 0; k < credits; k++) {
            long bureauId = nextBureauId++;
            b.clear();
            fillGeneric(b, "bureau", rng);
            b.set("SK_ID_CURR", clientId);
            b.set("SK_ID_BUREAU", bureauId);
            String status = profile.require("bureau", "CREDIT_ACTIVE").level(rng.nextDouble());
            boolean active = status.equals("Active");
            b.set("CREDIT_ACTIVE", status);
            double daysCredit = profile.require("bureau", "DAYS_CREDIT").number(rng.nextDouble());
            b.set("DAYS_CREDIT", daysCredit);
            double duration = 90 + Math.floor(rng.nextDouble() * 1800);
            double end = daysCredit + duration;
            if (active && end < 0 && rng.nextDouble() < 0.8) {
                end = Math.floor(rng.nextDouble() * 1500);
            }
            b.set("DAYS_CREDIT_ENDDATE", rng.nextDouble() < 0.06 ? Double.NaN : end);
            double fact = active ? Double.NaN : Math.floor(daysCredit + rng.nextDouble() * (-daysCredit));
            b.set("DAYS_ENDDATE_FACT", fact);
            double lastEvent = Double.isNaN(fact) ? daysCredit : fact;
            b.set("DAYS_CREDIT_UPDATE", Math.floor(lastEvent + rng.nextDouble() * (-lastEvent)));
            double sum = profile.require("bureau", "AMT_CREDIT_SUM").number(Gauss.cdf(0.5 * wealth + 0.87 * Gauss.next(rng)));
            b.set("AMT_CREDIT_SUM", sum);
            double debt = active ? Math.round(sum * rng.nextDouble() * 100) / 100.0 : 0;
            b.set("AMT_CREDIT_SUM_DEBT", rng.nextDouble() < 0.15 ? Double.NaN : debt);
            boolean overdue = active && rng.nextDouble() < Gauss.logistic(-4.2 + 1.2 * risk);
            anyOverdue |= overdue;
            b.set("CREDIT_DAY_OVERDUE", overdue ? 1 + Math.floor(-Math.log(1 - rng.nextDouble()) * 60) : 0);
            b.set("AMT_CREDIT_SUM_OVERDUE", overdue ? Math.round(Math.max(debt, sum) * (0.01 + 0.2 * rng.nextDouble())) : 0);
            b.write();
            if (rng.nextDouble() < BALANCE_COVERAGE) {
                bureauBalance(bureauId, daysCredit, fact, overdue, rng, risk);
            }
        }
        return anyOverdue;
    }

    private void bureauBalance(long bureauId, double daysCredit, double fact, boolean overdue, SplittableRandom rng, double risk) {
        int first = Math.max(-HISTORY_MONTHS, (int) Math.floor(daysCredit / DAYS_PER_MONTH));
        int closedFrom = Double.isNaN(fact) ? 1 : (int) Math.floor(fact / DAYS_PER_MONTH);
        boolean unknownHistory = rng.nextDouble() < 0.12;
        double lateMonth = Gauss.logistic(-4.5 + 1.1 * risk);
        TableWriter bb = out.bureauBalance();
        for (int month = first; month <= 0; month++) {
            String status;
            if (month >= closedFrom) {
                status = "C";
            } else if (unknownHistory) {
                status = "X";
            } else if ((overdue && month > -3) || rng.nextDouble() < lateMonth) {
                status = Integer.toString(1 + Math.min(4, (int) Math.floor(-Math.log(1 - rng.nextDouble()) * 0.6)));
            } else {
                status = "0";
            }
            bb.clear();
            bb.set("SK_ID_BUREAU", bureauId);
            bb.set("MONTHS_BALANCE", month);
            bb.set("STATUS", status);
            bb.write();
        }
    }

    private int previous(int clientId, SplittableRandom rng, double risk, double wealth, int[] late) {
        int applications = count(rng, PREVIOUS_COVERAGE, PREVIOUS_MEAN);
        int refusedCount = 0;
        TableWriter p = out.previous();
        double refusedProbability = Gauss.logistic(-1.75 + 0.75 * risk);
        for (int k = 0; k < applications; k++) {
            long previousId = nextPreviousId++;
            p.clear();
            fillGeneric(p, "previous_application", rng);
            p.set("SK_ID_PREV", previousId);
            p.set("SK_ID_CURR", clientId);
            String status;
            if (rng.nextDouble() < refusedProbability) {
                status = "Refused";
                refusedCount++;
            } else {
                status = previousLevelOtherThan("NAME_CONTRACT_STATUS", "Refused", rng);
            }
            p.set("NAME_CONTRACT_STATUS", status);
            String type = previousLevelOtherThan("NAME_CONTRACT_TYPE", "XNA", rng);
            p.set("NAME_CONTRACT_TYPE", type);
            boolean revolving = type.equals("Revolving loans");
            double application = Math.round(profile.require("previous_application", "AMT_APPLICATION")
                    .number(Gauss.cdf(0.4 * wealth + 0.92 * Gauss.next(rng))) / 4.5) * 4.5;
            double credit = Math.round(application * (0.9 + 0.25 * rng.nextDouble()) / 4.5) * 4.5;
            p.set("AMT_APPLICATION", application);
            p.set("AMT_CREDIT", credit);
            p.set("AMT_GOODS_PRICE", revolving || application == 0 ? Double.NaN : application);
            double term = revolving ? 0 : profile.require("previous_application", "CNT_PAYMENT").number(rng.nextDouble());
            term = Math.max(revolving ? 0 : 3, term);
            p.set("CNT_PAYMENT", term);
            double annuity = revolving ? Math.round(credit * 0.05) : term == 0 ? Double.NaN
                    : Math.round(credit / term * (1.1 + 0.25 * rng.nextDouble()) * 100) / 100.0;
            p.set("AMT_ANNUITY", annuity);
            double decision = profile.require("previous_application", "DAYS_DECISION").number(rng.nextDouble());
            p.set("DAYS_DECISION", decision);
            boolean approved = status.equals("Approved");
            if (!status.equals("Refused")) {
                p.set("CODE_REJECT_REASON", "XAP");
            } else {
                p.set("CODE_REJECT_REASON", previousLevelOtherThan("CODE_REJECT_REASON", "XAP", rng));
            }
            for (String day : List.of("DAYS_FIRST_DRAWING", "DAYS_FIRST_DUE", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_LAST_DUE",
                    "DAYS_TERMINATION", "NFLAG_INSURED_ON_APPROVAL")) {
                p.setMissing(day);
            }
            if (approved) {
                approvedHistory(p, previousId, clientId, revolving, decision, term, annuity, credit, rng, risk, late);
            }
            p.write();
        }
        return refusedCount;
    }

    /** A level of a previous_application column drawn from its genuine frequencies, never {@code excluded}. */
    private String previousLevelOtherThan(String column, String excluded, SplittableRandom rng) {
        ColumnProfile p = profile.require("previous_application", column);
        String level;
        do {
            level = p.level(rng.nextDouble());
        } while (level.equals(excluded));
        return level;
    }

    private void approvedHistory(TableWriter p, long previousId, int clientId, boolean revolving, double decision,
                                 double term, double annuity, double credit, SplittableRandom rng, double risk, int[] late) {
        double firstDue = decision + 20 + Math.floor(rng.nextDouble() * 25);
        double lastDue = firstDue + DAYS_PER_MONTH * Math.max(0, term - 1);
        p.set("DAYS_FIRST_DRAWING", revolving ? decision + 5 : ProfileBuilder.SENTINEL);
        p.set("DAYS_FIRST_DUE", revolving ? ProfileBuilder.SENTINEL : firstDue);
        p.set("DAYS_LAST_DUE_1ST_VERSION", revolving ? ProfileBuilder.SENTINEL : Math.round(lastDue));
        boolean finished = !revolving && lastDue < 0;
        p.set("DAYS_LAST_DUE", finished ? Math.round(lastDue) : ProfileBuilder.SENTINEL);
        p.set("DAYS_TERMINATION", finished ? Math.round(lastDue) + 3 : ProfileBuilder.SENTINEL);
        p.set("NFLAG_INSURED_ON_APPROVAL", rng.nextDouble() < 0.33 ? 1 : 0);
        if (revolving) {
            creditCard(previousId, clientId, decision, credit, rng, risk);
        } else {
            posAndInstalments(previousId, clientId, firstDue, term, annuity, rng, risk, late);
        }
    }

    private void posAndInstalments(long previousId, int clientId, double firstDue, double term, double annuity,
                                   SplittableRandom rng, double risk, int[] late) {
        double lateProbability = Gauss.logistic(-2.9 + 0.9 * risk);
        int instalments = (int) term;
        for (int n = 1; n <= instalments; n++) {
            double due = Math.round(firstDue + DAYS_PER_MONTH * (n - 1));
            if (due > 0) {
                break;
            }
            boolean isLate = rng.nextDouble() < lateProbability;
            double entry = isLate ? due + 1 + Math.floor(-Math.log(1 - rng.nextDouble()) * 12)
                    : due - Math.floor(-Math.log(1 - rng.nextDouble()) * 8);
            double payment = rng.nextDouble() < 0.04 ? Math.round(annuity * rng.nextDouble() * 100) / 100.0 : annuity;
            double version = n == instalments && rng.nextDouble() < 0.1 ? 2 : 1;
            if (rng.nextDouble() < SPLIT_PAYMENT) {
                double first = Math.round(payment * (0.2 + 0.6 * rng.nextDouble()) * 100) / 100.0;
                writePayment(previousId, clientId, version, n, due, Math.min(entry - 3, 0), annuity, first);
                payment = Math.round((payment - first) * 100) / 100.0;
            }
            writePayment(previousId, clientId, version, n, due, Math.min(entry, 0), annuity, payment);
            late[0] += isLate ? 1 : 0;
            late[1]++;
        }
        int firstMonth = Math.max(-HISTORY_MONTHS, (int) Math.floor(firstDue / DAYS_PER_MONTH));
        TableWriter pos = out.pos();
        int count = 0;
        for (int month = firstMonth; month <= -1 && count <= instalments; month++, count++) {
            int future = Math.max(0, instalments - count);
            pos.clear();
            pos.set("SK_ID_PREV", previousId);
            pos.set("SK_ID_CURR", clientId);
            pos.set("MONTHS_BALANCE", month);
            pos.set("CNT_INSTALMENT", instalments);
            pos.set("CNT_INSTALMENT_FUTURE", future);
            pos.set("NAME_CONTRACT_STATUS", future == 0 ? "Completed" : "Active");
            boolean lateMonth = rng.nextDouble() < lateProbability * 0.3;
            double dpd = lateMonth ? 1 + Math.floor(-Math.log(1 - rng.nextDouble()) * 10) : 0;
            pos.set("SK_DPD", dpd);
            pos.set("SK_DPD_DEF", dpd > 30 ? dpd : 0);
            pos.write();
        }
    }

    private void writePayment(long previousId, int clientId, double version, int number, double due, double entry,
                              double instalment, double payment) {
        TableWriter ins = out.installments();
        ins.clear();
        ins.set("SK_ID_PREV", previousId);
        ins.set("SK_ID_CURR", clientId);
        ins.set("NUM_INSTALMENT_VERSION", version);
        ins.set("NUM_INSTALMENT_NUMBER", number);
        ins.set("DAYS_INSTALMENT", due);
        ins.set("DAYS_ENTRY_PAYMENT", entry);
        ins.set("AMT_INSTALMENT", instalment);
        ins.set("AMT_PAYMENT", payment);
        ins.write();
    }

    private void creditCard(long previousId, int clientId, double decision, double limit, SplittableRandom rng, double risk) {
        int first = Math.max(-HISTORY_MONTHS, (int) Math.floor(decision / DAYS_PER_MONTH));
        double usage = rng.nextDouble();
        double lateProbability = Gauss.logistic(-3.2 + 0.9 * risk);
        TableWriter cc = out.creditCard();
        double creditLimit = limit > 0 ? limit : 45_000;
        for (int month = first; month <= -1; month++) {
            cc.clear();
            fillGeneric(cc, "credit_card_balance", rng);
            cc.set("SK_ID_PREV", previousId);
            cc.set("SK_ID_CURR", clientId);
            cc.set("MONTHS_BALANCE", month);
            double balance = Math.round(creditLimit * usage * rng.nextDouble() * 100) / 100.0;
            cc.set("AMT_CREDIT_LIMIT_ACTUAL", creditLimit);
            cc.set("AMT_BALANCE", balance);
            cc.set("AMT_RECEIVABLE_PRINCIPAL", Math.round(balance * 0.95 * 100) / 100.0);
            cc.set("AMT_RECIVABLE", balance);
            cc.set("AMT_TOTAL_RECEIVABLE", balance);
            cc.set("NAME_CONTRACT_STATUS", "Active");
            boolean lateMonth = rng.nextDouble() < lateProbability;
            cc.set("SK_DPD", lateMonth ? 1 + Math.floor(-Math.log(1 - rng.nextDouble()) * 10) : 0);
            cc.set("SK_DPD_DEF", lateMonth && rng.nextDouble() < 0.3 ? 1 : 0);
            cc.write();
        }
    }

    /** Every column from its own marginal first; the rules above then overwrite what they govern. */
    private void fillGeneric(TableWriter row, String table, SplittableRandom rng) {
        for (ColumnSpec spec : row.columns()) {
            if (spec.kind() == ColumnKind.ID) {
                continue;
            }
            ColumnProfile p = profile.require(table, spec.name());
            if (rng.nextDouble() < p.missingRate()) {
                row.setMissing(spec.name());
            } else if (p.isCategorical()) {
                row.set(spec.name(), p.level(rng.nextDouble()));
            } else if (p.sentinel() != null && rng.nextDouble() < p.sentinelRate()) {
                row.set(spec.name(), p.sentinel());
            } else {
                row.set(spec.name(), p.number(rng.nextDouble()));
            }
        }
    }
}
