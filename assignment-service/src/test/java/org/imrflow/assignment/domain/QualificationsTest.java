package org.imrflow.assignment.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualificationsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static Reviewer qualified(String id, String specialty) {
        return new Reviewer(id, specialty, new CaliforniaLicence("A 100001", TODAY.plusYears(2)),
                new BoardCertification("American Board of Medical Specialties", specialty, null),
                TODAY.minusYears(10), 30, true, Set.of());
    }

    private static Reviewer withLicenceUntil(LocalDate expiresOn) {
        Reviewer r = qualified("x", "Pain Medicine");
        return new Reviewer(r.id(), r.specialty(), new CaliforniaLicence("A 100001", expiresOn), r.boardCertification(),
                r.practiceStartedOn(), r.weeklyClinicalHours(), r.active(), r.affiliations());
    }

    private static Reviewer withBoardUntil(LocalDate expiresOn) {
        Reviewer r = qualified("x", "Pain Medicine");
        return new Reviewer(r.id(), r.specialty(), r.licence(), new BoardCertification("ABA", "Pain Medicine", expiresOn),
                r.practiceStartedOn(), r.weeklyClinicalHours(), r.active(), r.affiliations());
    }

    private static Reviewer inPracticeSince(LocalDate started) {
        Reviewer r = qualified("x", "Pain Medicine");
        return new Reviewer(r.id(), r.specialty(), r.licence(), r.boardCertification(), started, r.weeklyClinicalHours(),
                r.active(), r.affiliations());
    }

    private static Reviewer working(int hours, boolean active) {
        Reviewer r = qualified("x", "Pain Medicine");
        return new Reviewer(r.id(), r.specialty(), r.licence(), r.boardCertification(), r.practiceStartedOn(), hours,
                active, r.affiliations());
    }

    @Test
    void aQualifiedReviewerHasNoShortfall() {
        assertEquals(List.of(), Qualifications.shortfalls(qualified("x", "Pain Medicine"), TODAY));
    }

    @Test
    void aLicenceHoldsThroughTheDayItExpires() {
        assertEquals(List.of(), Qualifications.shortfalls(withLicenceUntil(TODAY), TODAY));
        assertEquals(List.of("licence expired 2026-11-25"), Qualifications.shortfalls(withLicenceUntil(TODAY.minusDays(1)), TODAY));
    }

    @Test
    void aBoardCertificationHoldsThroughTheDayItExpiresOrForLife() {
        assertEquals(List.of(), Qualifications.shortfalls(withBoardUntil(TODAY), TODAY));
        assertEquals(List.of(), Qualifications.shortfalls(withBoardUntil(null), TODAY));
        assertEquals(List.of("board certification expired 2026-11-25"),
                Qualifications.shortfalls(withBoardUntil(TODAY.minusDays(1)), TODAY));
    }

    @Test
    void exactlyFiveYearsInPracticeIsNotMoreThanFive() {
        assertEquals(List.of("in practice since 2021-11-26: not more than five years"),
                Qualifications.shortfalls(inPracticeSince(LocalDate.of(2021, 11, 26)), TODAY));
        assertEquals(List.of(), Qualifications.shortfalls(inPracticeSince(LocalDate.of(2021, 11, 25)), TODAY));
        assertEquals(List.of("in practice since 2023-01-01: not more than five years"),
                Qualifications.shortfalls(inPracticeSince(LocalDate.of(2023, 1, 1)), TODAY));
    }

    @Test
    void fiveYearsFromALeapDayEndOnTheLastOfFebruary() {
        assertFalse(Qualifications.moreThanFiveYearsInPractice(LocalDate.of(2020, 2, 29), LocalDate.of(2025, 2, 28)));
        assertTrue(Qualifications.moreThanFiveYearsInPractice(LocalDate.of(2020, 2, 29), LocalDate.of(2025, 3, 1)));
    }

    @Test
    void atLeast24HoursAWeek() {
        assertEquals(List.of(), Qualifications.shortfalls(working(24, true), TODAY));
        assertEquals(List.of("works 23 hours a week: fewer than 24"), Qualifications.shortfalls(working(23, true), TODAY));
    }

    @Test
    void anInactiveReviewerIsNotQualifiedAndEveryShortfallIsNamed() {
        assertEquals(List.of("inactive"), Qualifications.shortfalls(working(30, false), TODAY));
        assertEquals(List.of("inactive", "works 10 hours a week: fewer than 24"), Qualifications.shortfalls(working(10, false), TODAY));
    }
}
