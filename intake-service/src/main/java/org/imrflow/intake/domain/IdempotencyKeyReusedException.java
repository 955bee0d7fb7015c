package org.imrflow.intake.domain;

/** An Idempotency-Key already used for a different application: the client must use a new key. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different application; use a new key for a new application");
    }
}
