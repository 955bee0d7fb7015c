package org.imrflow.intake.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One of a case's events that a service dead-lettered: the case cannot go on until it is replayed. Identified by the
 * service and its dead letter's id there, so each announcement, and each redelivery of one, lands on the same row.
 */
@Entity
@Table(name = "stuck_event")
public class StuckEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    /** The service whose consumer gave up, e.g. assignment-service. */
    @Column(nullable = false)
    public String service;

    /** The id in that service's {@code /api/dead-letters}, where operations replay it. */
    @Column(name = "dead_letter_id", nullable = false)
    public long deadLetterId;

    /** Null until the dead-lettered announcement arrives, should the replayed one come first. */
    @Column(name = "event_type")
    public String eventType;

    @Column
    public String reason;

    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    /** The two announcements are consumed at once, from two topics. */
    @Version
    public long version;

    /** The row for the service's dead letter, new (not yet persisted) if neither announcement has arrived before. */
    public static Uni<StuckEvent> of(ImrCase imrCase, String service, long deadLetterId) {
        return StuckEvent.<StuckEvent>find("service = ?1 and deadLetterId = ?2", service, deadLetterId).firstResult()
                .map(found -> {
                    if (found != null) {
                        return found;
                    }
                    StuckEvent created = new StuckEvent();
                    created.caseId = imrCase.id;
                    created.service = service;
                    created.deadLetterId = deadLetterId;
                    return created;
                });
    }
}
