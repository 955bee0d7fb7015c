package org.imrflow.notification.api;

import org.imrflow.notification.domain.DocumentKind;
import org.imrflow.notification.store.IssuedDocument;

import java.time.Instant;
import java.util.UUID;

/** A document's facts and where to read it; its text is at {@code /text}, {@code /html} and {@code /pdf}. */
public record DocumentView(UUID documentId, String caseNumber, DocumentKind kind, String title, Instant issuedAt,
                           String sha256, UUID supersedes, String pdf) {

    static DocumentView of(IssuedDocument document) {
        return new DocumentView(document.documentId, document.caseNumber, document.kind, document.kind.title(),
                document.issuedAt, document.sha256, document.supersedes,
                "/api/documents/" + document.documentId + "/pdf");
    }
}
