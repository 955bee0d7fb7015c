package org.imrflow.review.api;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Offers of cases to reviewers, published as assignment makes them. */
final class AssignmentEvents {
    static final LocalDate DATE_OF_INJURY = LocalDate.of(2005, 12, 27);
    static final String PHYSICIAN_SPECIALTY = "Pain Medicine";

    private AssignmentEvents() {
    }

    /** Offer number {@code offerNumber} of the sample's one disputed item to {@code reviewerId}, made at {@code offeredAt}. */
    static UUID offer(EventStreamProbe stream, String caseNumber, String reviewerId, int offerNumber, Instant offeredAt) {
        return stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, new ReviewerAssigned(caseNumber, reviewerId,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), offeredAt,
                ReviewType.STANDARD, null,
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, "M54.2")),
                offerNumber, new ReviewerAssigned.ApplicationFacts(DATE_OF_INJURY, urDecisionDate(), PHYSICIAN_SPECIALTY)));
    }

    static LocalDate urDecisionDate() {
        return LocalDate.of(2026, 10, 5);
    }
}
