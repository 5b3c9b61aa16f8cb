package com.pretadepenser.creditdesk.engine.synth;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One application row from a client's latent traits. Every column takes its marginal from the
 * profile; its link with the client's hidden creditworthiness follows the sign and strength the
 * column has with TARGET in the genuine sample; business rules tie columns together (goods price
 * within the credit, annuity from credit and payment rate, family size from children and marital
 * status, pensioners with DAYS_EMPLOYED = 365243, building statistics present or absent together).
 */
final class ApplicationSynth {
    static final String TABLE = "application";
    private static final double DAYS_PER_YEAR = 365.25;
    private static final Set<String> BUILDING_TEXT = Set.of(
            "FONDKAPREMONT_MODE", "HOUSETYPE_MODE", "TOTALAREA_MODE", "WALLSMATERIAL_MODE", "EMERGENCYSTATE_MODE");
    private static final Set<String> HANDLED = Set.of(
            "AMT_INCOME_TOTAL", "AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE", "CNT_CHILDREN", "CNT_FAM_MEMBERS",
            "NAME_FAMILY_STATUS", "NAME_INCOME_TYPE", "DAYS_BIRTH", "DAYS_EMPLOYED", "ORGANIZATION_TYPE",
            "OCCUPATION_TYPE", "FLAG_EMP_PHONE", "FLAG_OWN_CAR", "OWN_CAR_AGE", "EXT_SOURCE_1", "EXT_SOURCE_2",
            "EXT_SOURCE_3", "CODE_GENDER", "NAME_EDUCATION_TYPE", "REGION_RATING_CLIENT",
            "REGION_RATING_CLIENT_W_CITY", "DAYS_REGISTRATION", "DAYS_ID_PUBLISH", "DAYS_LAST_PHONE_CHANGE",
            "OBS_30_CNT_SOCIAL_CIRCLE", "DEF_30_CNT_SOCIAL_CIRCLE", "OBS_60_CNT_SOCIAL_CIRCLE", "DEF_60_CNT_SOCIAL_CIRCLE");

    private final HomeCreditProfile profile;
    private final double associationScale;
    private final List<String> genericColumns = new ArrayList<>();
    private final Map<String, List<String>> buildingBases = new LinkedHashMap<>();
    private final List<String> bureauRequestColumns = new ArrayList<>();
    private final double pensionerRate;
    private final ColumnProfile nonPensionerIncome;
    private final ColumnProfile nonPensionerOrganization;
    private final double occupationMissingWhenWorking;
    private final double baseLogOdds;

    ApplicationSynth(HomeCreditProfile profile, List<ColumnSpec> columns, double associationScale) {
        this.profile = profile;
        this.associationScale = associationScale;
        for (ColumnSpec spec : columns) {
            String name = spec.name();
            if (spec.kind() == ColumnKind.ID || spec.kind() == ColumnKind.TARGET || HANDLED.contains(name)) {
                continue;
            }
            if (name.endsWith("_AVG") || name.endsWith("_MODE") || name.endsWith("_MEDI") || BUILDING_TEXT.contains(name)) {
                String base = BUILDING_TEXT.contains(name) ? name : name.substring(0, name.lastIndexOf('_'));
                buildingBases.computeIfAbsent(base, k -> new ArrayList<>()).add(name);
            } else if (name.startsWith("AMT_REQ_CREDIT_BUREAU_")) {
                bureauRequestColumns.add(name);
            } else {
                genericColumns.add(name);
            }
        }
        ColumnProfile income = profile.require(TABLE, "NAME_INCOME_TYPE");
        pensionerRate = weightOf(income, "Pensioner") + weightOf(income, "Unemployed");
        nonPensionerIncome = without(income, Set.of("Pensioner", "Unemployed"));
        nonPensionerOrganization = without(profile.require(TABLE, "ORGANIZATION_TYPE"), Set.of("XNA"));
        double occupationMissing = profile.require(TABLE, "OCCUPATION_TYPE").missingRate();
        occupationMissingWhenWorking = Math.max(0, (occupationMissing - pensionerRate) / (1 - pensionerRate));
        baseLogOdds = logit(profile.targetRate());
    }

    /** Fills the application row (all but TARGET) and returns what the risk model reads of it. */
    RiskModel.Facts fill(TableWriter row, SplittableRandom rng, double risk, double wealth) {
        for (String column : genericColumns) {
            generic(row, column, rng, risk);
        }
        fillBuilding(row, rng, risk);
        fillBureauRequests(row, rng, risk);

        ColumnProfile gender = profile.require(TABLE, "CODE_GENDER");
        String genderLevel = gender.level(Gauss.correlatedUniform(rng, risk, gender.association() / associationScale));
        row.set("CODE_GENDER", genderLevel);

        double uBirth = Gauss.correlatedUniform(rng, risk, assoc("DAYS_BIRTH"));
        double daysBirth = profile.require(TABLE, "DAYS_BIRTH").number(uBirth);
        row.set("DAYS_BIRTH", daysBirth);
        double ageDays = -daysBirth;

        boolean pensioner = rng.nextDouble() < Gauss.logistic(((1 - uBirth) - (1 - pensionerRate)) * 30)
                && ageDays > 45 * DAYS_PER_YEAR;
        double zShortEmployment = 0;
        if (pensioner) {
            ColumnProfile income = profile.require(TABLE, "NAME_INCOME_TYPE");
            row.set("NAME_INCOME_TYPE", rng.nextDouble() < weightOf(income, "Unemployed") / pensionerRate ? "Unemployed" : "Pensioner");
            row.set("DAYS_EMPLOYED", ProfileBuilder.SENTINEL);
            row.set("ORGANIZATION_TYPE", "XNA");
            row.setMissing("OCCUPATION_TYPE");
            row.set("FLAG_EMP_PHONE", 0);
        } else {
            row.set("NAME_INCOME_TYPE", nonPensionerIncome.level(rng.nextDouble()));
            double uEmployed = Gauss.correlatedUniform(rng, risk, assoc("DAYS_EMPLOYED"));
            zShortEmployment = normalScore(uEmployed);
            double employed = profile.require(TABLE, "DAYS_EMPLOYED").number(uEmployed);
            row.set("DAYS_EMPLOYED", Math.max(employed, -(ageDays - 18 * DAYS_PER_YEAR)));
            row.set("ORGANIZATION_TYPE", nonPensionerOrganization.level(
                    Gauss.correlatedUniform(rng, risk, nonPensionerOrganization.association() / associationScale)));
            if (rng.nextDouble() < occupationMissingWhenWorking) {
                row.setMissing("OCCUPATION_TYPE");
            } else {
                ColumnProfile occupation = profile.require(TABLE, "OCCUPATION_TYPE");
                row.set("OCCUPATION_TYPE", occupation.level(Gauss.correlatedUniform(rng, risk, occupation.association() / associationScale)));
            }
            row.set("FLAG_EMP_PHONE", 1);
        }
        for (String day : List.of("DAYS_REGISTRATION", "DAYS_ID_PUBLISH", "DAYS_LAST_PHONE_CHANGE")) {
            ColumnProfile p = profile.require(TABLE, day);
            if (rng.nextDouble() < p.missingRate()) {
                row.setMissing(day);
            } else {
                row.set(day, Math.max(p.number(Gauss.correlatedUniform(rng, risk, assoc(day))), -(ageDays - 14 * DAYS_PER_YEAR)));
            }
        }

        ColumnProfile education = profile.require(TABLE, "NAME_EDUCATION_TYPE");
        double uEducation = Gauss.cdf(0.5 * (education.association() / associationScale * risk - 0.6 * wealth)
                + Math.sqrt(0.6) * Gauss.next(rng));
        int educationLevel = ColumnProfile.pick(education.weights(), uEducation);
        row.set("NAME_EDUCATION_TYPE", education.levels()[educationLevel]);
        double educationLogOdds = logit(education.levelDefaultRates()[educationLevel]) - baseLogOdds;

        double income = profile.require(TABLE, "AMT_INCOME_TOTAL").number(
                Gauss.cdf(0.6 * wealth + assoc("AMT_INCOME_TOTAL") * risk + 0.7 * Gauss.next(rng)));
        row.set("AMT_INCOME_TOTAL", income);
        double credit = profile.require(TABLE, "AMT_CREDIT").number(
                Gauss.cdf(0.45 * wealth + assoc("AMT_CREDIT") * risk + 0.85 * Gauss.next(rng)));
        row.set("AMT_CREDIT", credit);
        ColumnProfile goods = profile.require(TABLE, "AMT_GOODS_PRICE");
        if (rng.nextDouble() < goods.missingRate()) {
            row.setMissing("AMT_GOODS_PRICE");
        } else {
            double ratio = profile.ratio("GOODS_PRICE_TO_CREDIT").number(rng.nextDouble());
            row.set("AMT_GOODS_PRICE", Math.min(credit, Math.round(credit * ratio / 4.5) * 4.5));
        }
        double uPayment = Gauss.correlatedUniform(rng, risk, 0.15);
        double annuity = Math.round(credit * profile.ratio("ANNUITY_TO_CREDIT").number(uPayment) * 2) / 2.0;
        if (rng.nextDouble() < profile.require(TABLE, "AMT_ANNUITY").missingRate()) {
            row.setMissing("AMT_ANNUITY");
        } else {
            row.set("AMT_ANNUITY", annuity);
        }

        ColumnProfile children = profile.require(TABLE, "CNT_CHILDREN");
        int childCount = (int) children.number(Gauss.correlatedUniform(rng, risk, assoc("CNT_CHILDREN")));
        row.set("CNT_CHILDREN", childCount);
        ColumnProfile family = profile.require(TABLE, "NAME_FAMILY_STATUS");
        String status = family.level(Gauss.correlatedUniform(rng, risk, family.association() / associationScale));
        row.set("NAME_FAMILY_STATUS", status);
        boolean couple = status.equals("Married") || status.equals("Civil marriage");
        row.set("CNT_FAM_MEMBERS", childCount + 1 + (couple ? 1 : 0));

        ColumnProfile car = profile.require(TABLE, "FLAG_OWN_CAR");
        String ownsCar = car.level(Gauss.cdf(-0.5 * wealth * (car.levels()[0].equals("Y") ? 1 : -1) + 0.85 * Gauss.next(rng)));
        row.set("FLAG_OWN_CAR", ownsCar);
        if (ownsCar.equals("Y")) {
            row.set("OWN_CAR_AGE", profile.require(TABLE, "OWN_CAR_AGE").number(rng.nextDouble()));
        } else {
            row.setMissing("OWN_CAR_AGE");
        }

        double[] ext = new double[3];
        for (int i = 0; i < 3; i++) {
            String name = "EXT_SOURCE_" + (i + 1);
            ColumnProfile p = profile.require(TABLE, name);
            double u = Gauss.correlatedUniform(rng, risk, assoc(name));
            if (rng.nextDouble() < p.missingRate()) {
                row.setMissing(name);
                ext[i] = Double.NaN;
            } else {
                row.set(name, p.number(u));
                ext[i] = normalScore(u);
            }
        }

        double uRegion = Gauss.correlatedUniform(rng, risk, assoc("REGION_RATING_CLIENT"));
        double rating = profile.require(TABLE, "REGION_RATING_CLIENT").number(uRegion);
        row.set("REGION_RATING_CLIENT", rating);
        double uCity = Math.min(0.999, Math.max(0.001, uRegion + 0.04 * Gauss.next(rng)));
        row.set("REGION_RATING_CLIENT_W_CITY", profile.require(TABLE, "REGION_RATING_CLIENT_W_CITY").number(uCity));

        fillSocialCircle(row, rng, risk);

        return new RiskModel.Facts(ext[0], ext[1], ext[2], normalScore(uBirth), pensioner, zShortEmployment,
                normalScore(uPayment), educationLogOdds, genderLevel.equals("M"), rating, false, 0, 0);
    }

    private void generic(TableWriter row, String column, SplittableRandom rng, double risk) {
        ColumnProfile p = profile.require(TABLE, column);
        double u = Gauss.correlatedUniform(rng, risk, p.association() / associationScale);
        if (rng.nextDouble() < p.missingRate()) {
            row.setMissing(column);
        } else if (p.isCategorical()) {
            row.set(column, p.level(u));
        } else {
            row.set(column, p.number(u));
        }
    }

    /** Building statistics: present or absent together (nested missingness), AVG/MODE/MEDI from one draw. */
    private void fillBuilding(TableWriter row, SplittableRandom rng, double risk) {
        double presence = rng.nextDouble();
        double building = Gauss.next(rng);
        for (Map.Entry<String, List<String>> base : buildingBases.entrySet()) {
            ColumnProfile first = profile.require(TABLE, base.getValue().get(0));
            double rho = first.association() / associationScale;
            double z = 0.7 * building + 0.71 * Gauss.next(rng);
            double u = Gauss.cdf(rho * risk + Math.sqrt(Math.max(0.05, 1 - rho * rho)) * z);
            for (String column : base.getValue()) {
                ColumnProfile p = profile.require(TABLE, column);
                if (presence < p.missingRate()) {
                    row.setMissing(column);
                } else if (p.isCategorical()) {
                    row.set(column, p.level(rng.nextDouble()));
                } else {
                    double jitter = Math.min(0.999, Math.max(0.0, u + 0.01 * Gauss.next(rng)));
                    row.set(column, p.number(jitter));
                }
            }
        }
    }

    /** Credit bureau enquiry counts: all present or all absent. */
    private void fillBureauRequests(TableWriter row, SplittableRandom rng, double risk) {
        double presence = rng.nextDouble();
        for (String column : bureauRequestColumns) {
            ColumnProfile p = profile.require(TABLE, column);
            if (presence < p.missingRate()) {
                row.setMissing(column);
            } else {
                row.set(column, p.number(Gauss.correlatedUniform(rng, risk, p.association() / associationScale)));
            }
        }
    }

    /** Social circle counts: present together, defaults never above observations. */
    private void fillSocialCircle(TableWriter row, SplittableRandom rng, double risk) {
        ColumnProfile obs30 = profile.require(TABLE, "OBS_30_CNT_SOCIAL_CIRCLE");
        if (rng.nextDouble() < obs30.missingRate()) {
            for (String c : List.of("OBS_30_CNT_SOCIAL_CIRCLE", "DEF_30_CNT_SOCIAL_CIRCLE", "OBS_60_CNT_SOCIAL_CIRCLE", "DEF_60_CNT_SOCIAL_CIRCLE")) {
                row.setMissing(c);
            }
            return;
        }
        double uObs = rng.nextDouble();
        double o30 = obs30.number(uObs);
        double o60 = Math.min(o30, profile.require(TABLE, "OBS_60_CNT_SOCIAL_CIRCLE").number(uObs));
        double uDef = Gauss.correlatedUniform(rng, risk, assoc("DEF_30_CNT_SOCIAL_CIRCLE"));
        double d30 = Math.min(o30, profile.require(TABLE, "DEF_30_CNT_SOCIAL_CIRCLE").number(uDef));
        double d60 = Math.min(o60, Math.max(0, profile.require(TABLE, "DEF_60_CNT_SOCIAL_CIRCLE").number(uDef)));
        row.set("OBS_30_CNT_SOCIAL_CIRCLE", o30);
        row.set("OBS_60_CNT_SOCIAL_CIRCLE", o60);
        row.set("DEF_30_CNT_SOCIAL_CIRCLE", d30);
        row.set("DEF_60_CNT_SOCIAL_CIRCLE", d60);
    }

    private double assoc(String column) {
        return profile.require(TABLE, column).association() / associationScale;
    }

    static double normalScore(double u) {
        // Inverse of Gauss.cdf by bisection: called a few times per client, precision 1e-9.
        double lo = -9, hi = 9;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (Gauss.cdf(mid) < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double logit(double p) {
        double q = Math.min(0.999, Math.max(0.001, p));
        return Math.log(q / (1 - q));
    }

    private static double weightOf(ColumnProfile p, String level) {
        for (int i = 0; i < p.levels().length; i++) {
            if (p.levels()[i].equals(level)) {
                return p.weights()[i];
            }
        }
        return 0;
    }

    /** The same categorical profile with some levels removed and the rest renormalised. */
    private static ColumnProfile without(ColumnProfile p, Set<String> removed) {
        List<String> levels = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<String, Double> rates = new HashMap<>();
        double total = 0;
        for (int i = 0; i < p.levels().length; i++) {
            if (!removed.contains(p.levels()[i])) {
                levels.add(p.levels()[i]);
                weights.add(p.weights()[i]);
                total += p.weights()[i];
                if (p.levelDefaultRates() != null) {
                    rates.put(p.levels()[i], p.levelDefaultRates()[i]);
                }
            }
        }
        double[] w = new double[weights.size()];
        double[] r = p.levelDefaultRates() == null ? null : new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i) / total;
            if (r != null) {
                r[i] = rates.get(levels.get(i));
            }
        }
        return new ColumnProfile(p.column(), p.missingRate(), false, null, null, levels.toArray(String[]::new), w, r,
                p.association(), null, 0);
    }
}
