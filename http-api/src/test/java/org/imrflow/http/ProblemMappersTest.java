package org.imrflow.http;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMappersTest {
    enum Outcome { UPHELD, OVERTURNED }

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anUnexpectedFailureDoesNotClaimThatNothingChanged() {
        Problem problem = mappers.unexpected(new IllegalStateException("timeout after commit"), null).getEntity();
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("nothing was changed"), problem.detail());
        assertTrue(problem.detail().contains("may or may not have taken effect"), problem.detail());
        assertFalse(problem.detail().contains("timeout"), "internals are never echoed");
    }

    @Test
    void aBadEnumNamesTheAllowedValues() {
        InvalidFormatException e = InvalidFormatException.from(null, "bad", "0", Outcome.class);
        e.prependPath(new Object(), "outcome");
        assertEquals(List.of(new FieldError("outcome", "must be one of [UPHELD, OVERTURNED]")),
                mappers.mismatchedInput(e, null).getEntity().errors());
    }
}
