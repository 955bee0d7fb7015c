package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.notification.domain.DocumentKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document as issued to a case's parties: its HTML and text here, its PDF in the document store under
 * {@link #sha256}. Never changes once written (the database refuses an update); a correction supersedes it.
 */
@Entity
@Table(name = "document")
public class IssuedDocument extends PanacheEntityBase {
    @Id
    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String html;

    @Column(name = "text_body", nullable = false)
    public String text;

    /** JSON of the event the document was made from. */
    @Column(name = "trigger_json", nullable = false)
    public String triggerJson;

    @Column(name = "supersedes")
    public UUID supersedes;

    public static Uni<List<IssuedDocument>> ofCase(String caseNumber) {
        return list("caseNumber", Sort.ascending("issuedAt", "kind"), caseNumber);
    }

    public static Uni<IssuedDocument> original(String caseNumber, DocumentKind kind) {
        return find("caseNumber = ?1 and kind = ?2 and supersedes is null", caseNumber, kind).firstResult();
    }
}
