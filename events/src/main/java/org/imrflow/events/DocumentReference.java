package org.imrflow.events;

/**
 * A document in the document store, as events carry it: never the bytes. The bytes are stored once, under their
 * SHA-256; {@code documentId} names this case's copy of them.
 *
 * @param documentId a UUID, unique per case document
 * @param name       the file name the uploader gave
 * @param mediaType  e.g. {@code application/pdf}
 * @param sizeBytes  the document's length
 * @param sha256     the SHA-256 of the bytes, 64 lower-case hex digits: the key in the document store
 */
public record DocumentReference(String documentId, String name, String mediaType, long sizeBytes, String sha256) {
}
