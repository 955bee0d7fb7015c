package org.imrflow.review.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.imrflow.events.DocumentReference;

/** One document of the medical records, as records-received referenced it: the bytes stay in the document store. */
@Embeddable
public class CaseDocumentRow {
    @Column(name = "document_id", nullable = false)
    public String documentId;

    @Column(nullable = false)
    public String name;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    public static CaseDocumentRow of(DocumentReference document) {
        CaseDocumentRow row = new CaseDocumentRow();
        row.documentId = document.documentId();
        row.name = document.name();
        row.mediaType = document.mediaType();
        row.sizeBytes = document.sizeBytes();
        row.sha256 = document.sha256();
        return row;
    }

    public DocumentReference toReference() {
        return new DocumentReference(documentId, name, mediaType, sizeBytes, sha256);
    }
}
