package org.imrflow.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainTextTest {
    @Test
    void textWithTabsNewlinesAndAnyPrintableUnicodeIsFine() {
        assertNull(PlainText.violation(""));
        assertNull(PlainText.violation("Line one\r\n\tline two"));
        assertNull(PlainText.violation("Ärztin – 診断 😀 \u00a0\u2028"));
    }

    @Test
    void c0AndC1ControlsOtherThanTabNewlineAndReturnAreRefused() {
        for (int c = 0; c <= 0x9f; c++) {
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            String violation = PlainText.violation("a" + (char) c + "b");
            if (control && !allowed) {
                assertEquals("must not contain control characters (found U+%04X)".formatted(c), violation);
            } else {
                assertNull(violation, "U+%04X".formatted(c));
            }
        }
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertEquals("must be valid Unicode text (found an unpaired surrogate)", PlainText.violation("\ud83d"));
        assertEquals("must be valid Unicode text (found an unpaired surrogate)", PlainText.violation("\ude00x"));
        assertEquals("must be valid Unicode text (found an unpaired surrogate)", PlainText.violation("x\ud83d\ud83d"));
    }
}
