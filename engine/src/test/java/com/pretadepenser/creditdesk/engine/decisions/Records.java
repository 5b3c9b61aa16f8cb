package com.pretadepenser.creditdesk.engine.decisions;

import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.util.List;

/** Decision records for the tests. */
final class Records {
    private Records() {
    }

    static DecisionRecord confirmed(int client, double probability) {
        Decision decision = probability < 0.1 ? Decision.GRANTED : Decision.REFUSED;
        return new DecisionRecord("2026-12-02T09:00:00Z", "officer", "desk-1", client, null, "demo", "d".repeat(64), "default",
                "m".repeat(64), probability, 0.1, decision, decision, null,
                List.of("external credit scores (external score 2: 0.30)", "employment (length of employment: 1.9 years)"), "1.0.0");
    }

    static DecisionRecord overridden(int client) {
        return new DecisionRecord("2026-12-02T09:05:00Z", "officer", "desk-1", client, null, "demo", "d".repeat(64), "default",
                "m".repeat(64), 0.14, 0.1, Decision.REFUSED, Decision.GRANTED, "Guarantor signed; salary slip of December seen",
                List.of("the loan requested (repayment rate: 5.0 %)"), "1.0.0");
    }
}
