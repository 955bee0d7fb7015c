package org.imrflow.intake.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The eligibility screen of 8 CCR 9792.10.3. Every failing rule is reported, not only the first, because the notice
 * must give all the reasons. A liability dispute defers the case rather than rejecting it, unless the claims
 * administrator agrees it is eligible anyway.
 */
public final class EligibilityScreen {
    private static final int MOST_CASES_NAMED = 5;
    private final FilingWindow window;

    public EligibilityScreen(FilingWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    public ScreeningResult screen(ScreeningFacts facts) {
        List<String> reasons = new ArrayList<>();
        LocalDate lastDay = window.lastDay(facts.urDecisionServedOn(), facts.servedBy(), facts.formularyDispute());
        if (facts.receivedOn().isAfter(lastDay)) {
            reasons.add("The application was received on " + facts.receivedOn() + ", after the filing window closed on "
                    + lastDay + " (UR decision served " + facts.urDecisionServedOn() + " " + servedBy(facts.servedBy())
                    + (facts.formularyDispute() ? ", formulary dispute" : "") + ").");
        }
        if (facts.signedBy() == null) {
            reasons.add("The application is not signed.");
        } else if (!facts.signedBy().mayFile()) {
            reasons.add("The application is signed by the " + facts.signedBy().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "; only the employee or the employee's representative may sign it.");
        }
        if (!facts.urDecisionAttached()) {
            reasons.add("A copy of the written UR decision is not attached.");
        }
        switch (facts.urDecisionType()) {
            case CONDITIONALLY_NON_CERTIFIED -> reasons.add(
                    "The UR decision is not a decision on medical necessity (conditionally non-certified).");
            case DENIED_FOR_LIABILITY -> reasons.add(
                    "The UR decision denied the treatment on liability alone, which raises no question of medical necessity.");
            case DENIED, MODIFIED -> {
            }
        }
        earlierReviews(facts).ifPresent(reasons::add);
        boolean deferred = facts.liabilityDisputed() && !facts.eligibleDespiteLiability();
        if (!reasons.isEmpty()) {
            if (deferred) {
                reasons.add("The claims administrator also disputes liability for the injury or body part.");
            }
            return new ScreeningResult(ScreeningResult.Verdict.INELIGIBLE, reasons);
        }
        if (deferred) {
            return new ScreeningResult(ScreeningResult.Verdict.DEFERRED, List.of(
                    "The claims administrator disputes liability; the review is deferred until liability is resolved."));
        }
        return new ScreeningResult(ScreeningResult.Verdict.ELIGIBLE, List.of());
    }

    private static String servedBy(UrServiceMethod method) {
        return method == UrServiceMethod.MAIL ? "by mail" : "personally or electronically";
    }

    /**
     * One reason for every item already taken to IMR on the claim, naming the items and the earlier cases. One, and
     * short, because a notice (and its event) holds a bounded number of reasons of bounded length, while an
     * application may have 25 items with descriptions of 1,000 characters.
     */
    private static Optional<String> earlierReviews(ScreeningFacts facts) {
        List<Integer> items = new ArrayList<>();
        java.util.Set<String> cases = new java.util.TreeSet<>();
        for (int item = 0; item < facts.disputedItems().size(); item++) {
            int itemNumber = item + 1;
            earlierReviewOf(facts.disputedItems().get(item), facts.earlierReviews()).ifPresent(earlier -> {
                items.add(itemNumber);
                cases.add(earlier.caseNumber());
            });
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = cases.stream().limit(MOST_CASES_NAMED).toList();
        String more = cases.size() > MOST_CASES_NAMED ? " and " + (cases.size() - MOST_CASES_NAMED) + " more" : "";
        return Optional.of((items.size() == 1 ? "Item " + items.get(0) + " was" : "Items "
                + items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + " were")
                + " already taken to IMR on this claim, in " + (cases.size() == 1 ? "case " : "cases ")
                + String.join(", ", named) + more + ".");
    }

    private static Optional<ScreeningFacts.EarlierReview> earlierReviewOf(String treatment, List<ScreeningFacts.EarlierReview> earlier) {
        String wanted = sameTreatment(treatment);
        return earlier.stream().filter(review -> sameTreatment(review.treatment()).equals(wanted)).findFirst();
    }

    /** Treatments are the same whatever their case and spacing. */
    static String sameTreatment(String treatment) {
        return treatment.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
