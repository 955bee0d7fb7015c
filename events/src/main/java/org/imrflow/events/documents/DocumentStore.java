package org.imrflow.events.documents;

import io.smallrye.mutiny.Uni;

/**
 * Where documents (medical records, letters) keep their bytes: stored once, under the SHA-256 of their content, and
 * never changed. Events carry a {@link org.imrflow.events.DocumentReference}, never the bytes; a service that needs
 * them reads them from here by that hash.
 *
 * <p>The local default keeps files under a folder ({@link FileDocumentStore}); production uses S3-compatible object
 * storage behind this same interface (see docs/documents.md).
 */
public interface DocumentStore {

    /** Stores the bytes, unless the same bytes are stored already. @return their SHA-256, 64 lower-case hex digits */
    Uni<String> put(byte[] content);

    /** The bytes stored under this hash; fails with {@link UnknownDocumentException} when there are none. */
    Uni<byte[]> get(String sha256);
}
