package com.pretadepenser.creditdesk.engine.features;

/**
 * What a credit officer says about a client's past in one breath: their credits at other
 * institutions (credit bureau), their earlier applications with us, and how they paid instalments.
 *
 * @param bureauCredits        credits reported by the bureau
 * @param bureauActive         of which still active
 * @param bureauOverdue        of which with days overdue at the time of the application
 * @param previousApplications earlier applications with us
 * @param previousApproved     of which approved
 * @param previousRefused      of which refused
 * @param instalments          instalments due on earlier credits with us
 * @param instalmentsLate      of which paid after the due date
 */
public record HistorySummary(int bureauCredits, int bureauActive, int bureauOverdue, int previousApplications,
                             int previousApproved, int previousRefused, int instalments, int instalmentsLate) {

    public HistorySummary {
        if (bureauActive > bureauCredits || bureauOverdue > bureauCredits || previousApproved + previousRefused > previousApplications
                || instalmentsLate > instalments) {
            throw new IllegalArgumentException("a part exceeds its whole in " + this);
        }
    }

    public static final HistorySummary NONE = new HistorySummary(0, 0, 0, 0, 0, 0, 0, 0);
}
