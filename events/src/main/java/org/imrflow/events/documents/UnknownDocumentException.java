package org.imrflow.events.documents;

/** No document is stored under the hash asked for. */
public class UnknownDocumentException extends RuntimeException {
    public UnknownDocumentException(String sha256) {
        super("No document is stored under SHA-256 " + sha256);
    }
}
