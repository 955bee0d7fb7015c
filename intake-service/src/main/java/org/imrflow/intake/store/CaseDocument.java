package org.imrflow.intake.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.events.DocumentReference;

import java.time.Instant;
import java.util.UUID;

/** One document of a case's medical records. The bytes are in the document store, under {@code sha256}. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {
    @Id
    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(nullable = false)
    public String name;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public DocumentReference reference() {
        return new DocumentReference(documentId.toString(), name, mediaType, sizeBytes, sha256);
    }
}
