package org.imrflow.review.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The worksheet's draft of a case, kept for its reviewer while they work on it, so it resumes on another device: the
 * partial determination as JSON, and the revision each save counts up (see DraftRevision).
 */
@Entity
@Table(name = "review_draft")
public class ReviewDraft extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "reviewer_id", nullable = false)
    public String reviewerId;

    @Column(nullable = false)
    public int revision;

    /** The worksheet as the page sent it (JSON). */
    @Column(nullable = false)
    public String worksheet;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    /** The case moved to another reviewer, or was decided or withdrawn: its draft goes. Call in a transaction. */
    public static Uni<Void> discard(String caseNumber) {
        return delete("caseNumber", caseNumber).replaceWithVoid();
    }
}
