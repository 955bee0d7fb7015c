package org.imrflow.review.domain;

/** A determination that breaks a rule, naming the field of the determination at fault. */
public record RuleViolation(String field, String message) {
}
