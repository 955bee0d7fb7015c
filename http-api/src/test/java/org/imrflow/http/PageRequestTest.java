package org.imrflow.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {
    enum Status { RECEIVED, ASSIGNED }

    @Test
    void absentOrEmptyMeansTheDefaults() {
        assertEquals(0, new PageRequest(null, null).page());
        assertEquals(20, new PageRequest(null, null).size());
        assertEquals(0, new PageRequest("", "").page());
        assertEquals(20, new PageRequest("", "").size());
        assertEquals(3, new PageRequest("3", "100").page());
        assertEquals(100, new PageRequest("3", "100").size());
    }

    @Test
    void theLastPageAllowedCannotOverflowAnOffset() {
        PageRequest last = new PageRequest(String.valueOf(PageRequest.MAX_PAGE), String.valueOf(PageRequest.MAX_SIZE));
        assertEquals(PageRequest.MAX_PAGE, last.page());
        long offset = (long) last.page() * last.size();
        assertEquals(offset, last.page() * last.size(), "page * size fits an int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1000001", "2147483647", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", " 1",
            "+1", "0x10", "١"})
    void aBadPageIsNamed(String page) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new PageRequest(page, null).page());
        assertEquals(List.of(new FieldError("page", "must be a whole number from 0 to 1000000")), e.errors());
    }

    @Test
    void aBadPageAndABadSizeAreBothNamed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new PageRequest("x", "0").size());
        assertEquals(List.of(new FieldError("page", "must be a whole number from 0 to 1000000"),
                new FieldError("size", "must be a whole number from 1 to 100")), e.errors());
    }

    @Test
    void aStatusIsOneOfTheExactNamesOrAbsent() {
        assertEquals(Status.ASSIGNED, QueryParams.oneOf("status", "ASSIGNED", Status.class));
        assertNull(QueryParams.oneOf("status", null, Status.class));
        assertNull(QueryParams.oneOf("status", "", Status.class));
        for (String bad : List.of("assigned", "0", "1", "ASSIGNED ", "NOPE")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> QueryParams.oneOf("status", bad, Status.class));
            assertEquals(List.of(new FieldError("status", "must be one of [RECEIVED, ASSIGNED]")), e.errors());
        }
    }
}
