package org.imrflow.intake.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility screen of 8 CCR 9792.10.3, for the facts an application carries today. Every failing rule is
 * reported, not only the first, because the notice must give all the reasons.
 *
 * <p>Not yet screened here: a missing UR decision document (comes with the records upload) and a treatment already
 * decided by IMR for the same RFA (needs the decided-case history).
 */
public final class EligibilityScreen {
    private final int filingDeadlineDays;

    /** @param filingDeadlineDays days after the UR decision is served within which the application must be filed */
    public EligibilityScreen(int filingDeadlineDays) {
        if (filingDeadlineDays < 1) {
            throw new IllegalArgumentException("The filing deadline is at least one day");
        }
        this.filingDeadlineDays = filingDeadlineDays;
    }

    public ScreeningResult screen(ScreeningFacts facts) {
        List<String> reasons = new ArrayList<>();
        LocalDate lastFilingDay = facts.urDecisionServedOn().plusDays(filingDeadlineDays);
        if (facts.receivedOn().isAfter(lastFilingDay)) {
            reasons.add("The application was filed more than " + filingDeadlineDays
                    + " days after the UR decision was served (served " + facts.urDecisionServedOn()
                    + ", received " + facts.receivedOn() + ").");
        }
        if (facts.applicationSignedOn() == null) {
            reasons.add("The application is not signed by the employee or the employee's representative.");
        }
        if (facts.urDecisionType() == UrDecisionType.CONDITIONALLY_NON_CERTIFIED) {
            reasons.add("The UR decision is not a decision on medical necessity (conditionally non-certified).");
        }
        if (reasons.isEmpty() && facts.liabilityDisputed()) {
            return new ScreeningResult(ScreeningResult.Verdict.DEFERRED, List.of(
                    "The claims administrator disputes liability; the review is deferred until liability is resolved."));
        }
        if (facts.liabilityDisputed()) {
            reasons.add("The claims administrator disputes liability for the injury or body part.");
        }
        return reasons.isEmpty()
                ? new ScreeningResult(ScreeningResult.Verdict.ELIGIBLE, List.of())
                : new ScreeningResult(ScreeningResult.Verdict.INELIGIBLE, reasons);
    }
}
