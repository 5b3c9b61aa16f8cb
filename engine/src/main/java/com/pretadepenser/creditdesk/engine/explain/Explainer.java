package com.pretadepenser.creditdesk.engine.explain;

import com.pretadepenser.creditdesk.engine.features.FeatureFamily;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import com.pretadepenser.creditdesk.engine.scoring.Score;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a scored client into an {@link Explanation} in French or English. */
public final class Explainer {
    private static final int MAX_REASONS = 4;
    private final FeatureSchema schema;

    public Explainer(FeatureSchema schema) {
        this.schema = schema;
    }

    public Explanation explain(ClientScorer.ScoredClient client, Locale locale) {
        List<Explanation.FamilyContribution> families = families(client.contributions(), locale);
        HumanValues values = new HumanValues(schema, locale);
        List<Explanation.Reason> raising = reasons(families, true, values, locale);
        List<Explanation.Reason> lowering = reasons(families, false, values, locale);
        return new Explanation(client.score(), client.bias(), client.contributions(), families, raising, lowering,
                summary(client.score(), raising, lowering, locale));
    }

    /** Feature contributions summed by family, largest in absolute value first. */
    public static List<Explanation.FamilyContribution> families(List<Contribution> contributions, Locale locale) {
        Map<FeatureFamily, List<Contribution>> byFamily = new EnumMap<>(FeatureFamily.class);
        for (Contribution c : contributions) {
            byFamily.computeIfAbsent(FeatureFamily.of(c.feature()), f -> new ArrayList<>()).add(c);
        }
        List<Explanation.FamilyContribution> families = new ArrayList<>();
        byFamily.forEach((family, parts) -> families.add(new Explanation.FamilyContribution(family, family.label(locale),
                parts.stream().mapToDouble(Contribution::contribution).sum(), parts)));
        families.sort(Comparator.comparingDouble((Explanation.FamilyContribution f) -> Math.abs(f.contribution())).reversed());
        return families;
    }

    /**
     * The principal reasons one way: the families pushing that way most, each said through its
     * most telling feature whose value is known. A missing value is never read out as a reason
     * ("amount asked: unknown"): when every feature of a history family is missing, the reason says
     * what that means ("no earlier application on record", {@link FeatureFamily#absent}); when
     * only some are, the next feature pushing the same way with a known value speaks for the
     * family; when none does, the family is left out of the principal reasons (it stays in the
     * contributions). Ties are broken by feature name, so the same client and model always give
     * the same reasons in the same order (docs/explanations.md).
     */
    private static List<Explanation.Reason> reasons(List<Explanation.FamilyContribution> families, boolean raisingRisk,
                                                    HumanValues values, Locale locale) {
        return families.stream()
                .filter(f -> raisingRisk ? f.contribution() > 0 : f.contribution() < 0)
                .sorted(Comparator.comparingDouble((Explanation.FamilyContribution f) -> raisingRisk ? -f.contribution() : f.contribution())
                        .thenComparing(f -> f.family().name()))
                .map(f -> reason(f, raisingRisk, values, locale))
                .flatMap(java.util.Optional::stream)
                .limit(MAX_REASONS)
                .toList();
    }

    private static java.util.Optional<Explanation.Reason> reason(Explanation.FamilyContribution f, boolean raisingRisk, HumanValues values,
                                                                 Locale locale) {
        List<Contribution> sameWay = f.features().stream()
                .filter(c -> raisingRisk ? c.contribution() > 0 : c.contribution() < 0)
                .sorted(Comparator.comparingDouble((Contribution c) -> raisingRisk ? -c.contribution() : c.contribution())
                        .thenComparing(Contribution::feature))
                .toList();
        if (sameWay.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Contribution c : sameWay) {
            if (!Double.isNaN(c.value())) {
                return java.util.Optional.of(new Explanation.Reason(f.family(), f.label(), f.contribution(), c.feature(),
                        FeatureLabels.label(c.feature(), locale), values.format(c.feature(), c.value())));
            }
        }
        boolean nothingOnRecord = f.features().stream().allMatch(c -> Double.isNaN(c.value()));
        return nothingOnRecord
                ? f.family().absent(locale).map(meaning -> new Explanation.Reason(f.family(), f.label(), f.contribution(),
                        sameWay.get(0).feature(), "", meaning))
                : java.util.Optional.empty();
    }

    static String summary(Score score, List<Explanation.Reason> raising, List<Explanation.Reason> lowering, Locale locale) {
        boolean fr = locale.getLanguage().equals("fr");
        NumberFormat percent = NumberFormat.getNumberInstance(locale);
        percent.setMaximumFractionDigits(1);
        percent.setMinimumFractionDigits(1);
        String p = percent.format(100 * score.probability()) + " %";
        String t = percent.format(100 * score.threshold()) + " %";
        boolean refused = score.decision() == Decision.REFUSED;
        StringBuilder out = new StringBuilder();
        String opening = fr
                ? (refused ? "La demande est refusée : le risque estimé de difficultés de paiement est de %s, au-dessus du seuil de %s."
                        : "La demande est acceptée : le risque estimé de difficultés de paiement est de %s, sous le seuil de %s.")
                : (refused ? "The application is refused: the estimated risk of payment difficulties is %s, above the %s threshold."
                        : "The application is granted: the estimated risk of payment difficulties is %s, below the %s threshold.");
        out.append(opening.formatted(p, t));
        List<Explanation.Reason> main = refused ? raising : lowering;
        List<Explanation.Reason> other = refused ? lowering : raising;
        if (!main.isEmpty()) {
            out.append(fr ? (refused ? " Principales raisons : " : " Principaux atouts : ")
                    : (refused ? " Main reasons: " : " Main points in its favour: "));
            out.append(list(main, fr)).append('.');
        }
        if (!other.isEmpty()) {
            out.append(fr ? (refused ? " En sa faveur : " : " Points de vigilance : ")
                    : (refused ? " In its favour: " : " Points to watch: "));
            out.append(list(other, fr)).append('.');
        }
        return out.toString();
    }

    private static String list(List<Explanation.Reason> reasons, boolean fr) {
        return reasons.stream()
                .map(r -> r.featureLabel().isEmpty() ? "%s (%s)".formatted(r.familyLabel(), r.value())
                        : "%s (%s%s%s)".formatted(r.familyLabel(), r.featureLabel().toLowerCase(fr ? Locale.FRENCH : Locale.ENGLISH),
                        fr ? " : " : ": ", r.value()))
                .collect(Collectors.joining(fr ? " ; " : "; "));
    }
}
