package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.imrflow.notification.domain.DocumentKind;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A document asked for by an event and not issued yet: it waits here until the case's parties are known (their
 * event comes on another topic, in no fixed order), then a durable timer issues it.
 */
@Entity
@Table(name = "document_request")
@IdClass(DocumentRequest.Key.class)
public class DocumentRequest extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Id
    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    /** JSON of the event that asked for the document. */
    @Column(name = "trigger_json", nullable = false)
    public String triggerJson;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    public static class Key implements Serializable {
        public String caseNumber;
        public DocumentKind kind;

        public Key() {
        }

        public Key(String caseNumber, DocumentKind kind) {
            this.caseNumber = caseNumber;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.caseNumber.equals(caseNumber) && key.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseNumber, kind);
        }
    }
}
