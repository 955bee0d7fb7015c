package org.imrflow.assignment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The qualification lines of the letter's first section, checked on the day of the offer: licensed in California,
 * board certified, in active clinical practice for more than five years, working at least 24 hours a week, and on the
 * active roster. Each is a fact the letter states, so each is checked by date, not taken from a flag.
 */
public final class Qualifications {
    static final int YEARS_OF_PRACTICE_EXCEEDED = 5;
    static final int MIN_WEEKLY_HOURS = 24;

    private Qualifications() {
    }

    /** Why the reviewer may take no case today, in words for operations; empty when they are qualified. */
    public static List<String> shortfalls(Reviewer reviewer, LocalDate today) {
        List<String> shortfalls = new ArrayList<>();
        if (!reviewer.active()) {
            shortfalls.add("inactive");
        }
        if (!reviewer.licence().validOn(today)) {
            shortfalls.add("licence expired " + reviewer.licence().expiresOn());
        }
        if (!reviewer.boardCertification().validOn(today)) {
            shortfalls.add("board certification expired " + reviewer.boardCertification().expiresOn());
        }
        if (!moreThanFiveYearsInPractice(reviewer.practiceStartedOn(), today)) {
            shortfalls.add("in practice since " + reviewer.practiceStartedOn() + ": not more than five years");
        }
        if (reviewer.weeklyClinicalHours() < MIN_WEEKLY_HOURS) {
            shortfalls.add("works " + reviewer.weeklyClinicalHours() + " hours a week: fewer than " + MIN_WEEKLY_HOURS);
        }
        return shortfalls;
    }

    /** Strictly more: a practice begun exactly five years ago today is not enough. */
    static boolean moreThanFiveYearsInPractice(LocalDate practiceStartedOn, LocalDate today) {
        return practiceStartedOn.plusYears(YEARS_OF_PRACTICE_EXCEEDED).isBefore(today);
    }
}
