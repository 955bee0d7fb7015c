package org.imrflow.assignment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the expert reviewer a case is offered to, and says why about everyone on the roster. A reviewer is eligible
 * when every line of the letter's first section holds on the day ({@link Qualifications}), no party of the case is
 * one they are affiliated with, their specialty treats every disputed item ({@link ConditionSpecialties}), and they
 * are not excluded from this case (they declined it, or let its offer time out). Among the eligible, the fewest open
 * cases wins, then the oldest last offer (never offered is oldest), then the roster id, so the choice is repeatable.
 */
public final class ReviewerMatcher {
    /** Dates in reasons, and the day qualifications are checked on, are California's. */
    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    static final Comparator<ReviewerLoad> PREFERRED = Comparator
            .comparingLong(ReviewerLoad::openCases)
            .thenComparing(ReviewerLoad::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(load -> load.reviewer().id());

    private final ConditionSpecialties specialties;

    public ReviewerMatcher(ConditionSpecialties specialties) {
        this.specialties = specialties;
    }

    /** What one reviewer was found to be for one offer, in words. */
    public record Consideration(String reviewerId, boolean eligible, String reason) {
    }

    /** The reviewer chosen, if any, and every reviewer of the roster with why they were or were not chosen. */
    public record Match(Optional<String> chosen, List<Consideration> considered) {

        public long eligible() {
            return considered.stream().filter(Consideration::eligible).count();
        }

        public Optional<Consideration> of(String reviewerId) {
            return considered.stream().filter(c -> c.reviewerId().equals(reviewerId)).findFirst();
        }
    }

    /**
     * @param excluded reviewers who may not have this case whatever else holds, each with why (e.g. "declined this case")
     * @param today    the California day of the offer
     */
    public Match match(CaseToAssign imrCase, List<ReviewerLoad> roster, Map<String, String> excluded, LocalDate today) {
        return match(imrCase, roster, excluded, today, null);
    }

    /** As {@link #match}, but the case goes to the reviewer operations named, if eligible, and to nobody else. */
    public Match matchNamed(CaseToAssign imrCase, List<ReviewerLoad> roster, Map<String, String> excluded, LocalDate today,
                            String named) {
        return match(imrCase, roster, excluded, today, named);
    }

    private Match match(CaseToAssign imrCase, List<ReviewerLoad> roster, Map<String, String> excluded, LocalDate today,
                        String named) {
        Map<String, List<String>> shortfalls = roster.stream().collect(Collectors.toMap(load -> load.reviewer().id(),
                load -> shortfalls(load.reviewer(), imrCase, excluded, today)));
        List<ReviewerLoad> eligible = roster.stream()
                .filter(load -> shortfalls.get(load.reviewer().id()).isEmpty())
                .filter(load -> named == null || load.reviewer().id().equals(named))
                .sorted(PREFERRED)
                .toList();
        Optional<ReviewerLoad> chosen = eligible.stream().findFirst();
        List<Consideration> considered = roster.stream()
                .sorted(Comparator.comparing(load -> load.reviewer().id()))
                .map(load -> {
                    List<String> against = shortfalls.get(load.reviewer().id());
                    if (!against.isEmpty()) {
                        return new Consideration(load.reviewer().id(), false, String.join("; ", against));
                    }
                    if (chosen.isPresent() && chosen.get() == load) {
                        return new Consideration(load.reviewer().id(), true, (named == null ? "" : "named by operations; ")
                                + "eligible: " + treats(load.reviewer(), imrCase) + "; " + desk(load));
                    }
                    return new Consideration(load.reviewer().id(), true, named != null
                            ? "eligible, but operations named another reviewer"
                            : "eligible, but " + passedOverFor(load, chosen.orElseThrow()));
                })
                .toList();
        return new Match(chosen.map(load -> load.reviewer().id()), considered);
    }

    private List<String> shortfalls(Reviewer reviewer, CaseToAssign imrCase, Map<String, String> excluded, LocalDate today) {
        List<String> against = new ArrayList<>();
        Optional.ofNullable(excluded.get(reviewer.id())).ifPresent(against::add);
        against.addAll(Qualifications.shortfalls(reviewer, today));
        reviewer.conflictWith(imrCase.parties()).ifPresent(party -> against.add("conflict: " + party.kind().label()));
        specialties.firstNotTreated(reviewer.specialty(), imrCase).ifPresent(item ->
                against.add("specialty " + reviewer.specialty() + " does not treat " + item));
        return against;
    }

    /** {@code Orthopedic Surgery treats SURGERY of M51.26 and PHARMACY of M54.5} */
    private static String treats(Reviewer reviewer, CaseToAssign imrCase) {
        return reviewer.specialty() + " treats "
                + imrCase.items().stream().map(CaseToAssign.Item::toString).distinct().collect(Collectors.joining(" and "));
    }

    /** {@code 1 open case; last offered 2026-11-20} */
    private static String desk(ReviewerLoad load) {
        return load.openCases() + (load.openCases() == 1 ? " open case" : " open cases") + "; "
                + (load.lastOfferedAt() == null ? "never offered a case" : "last offered " + day(load.lastOfferedAt()));
    }

    private static String passedOverFor(ReviewerLoad load, ReviewerLoad chosen) {
        if (load.openCases() > chosen.openCases()) {
            return "more open cases (" + load.openCases() + ")";
        }
        if (load.lastOfferedAt() != null && (chosen.lastOfferedAt() == null || load.lastOfferedAt().isAfter(chosen.lastOfferedAt()))) {
            return "offered a case more recently (" + day(load.lastOfferedAt()) + ")";
        }
        return "as many open cases and offered as long ago; later by id";
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CALIFORNIA);
    }
}
