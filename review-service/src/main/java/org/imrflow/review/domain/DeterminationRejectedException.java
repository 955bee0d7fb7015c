package org.imrflow.review.domain;

import java.util.List;

/** A determination that breaks {@link DeterminationRules}, with every violation. Nothing of it is recorded. */
public class DeterminationRejectedException extends RuntimeException {
    private final List<RuleViolation> violations;

    public DeterminationRejectedException(List<RuleViolation> violations) {
        super(violations.size() + " rule(s) broken");
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
