package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldedTest {

    @Test
    void aTextFoldsToItsLowerCaseLettersAndDigitsWithoutAccents() {
        assertEquals("okaforzoe", Folded.fold("O'Kafor-\nZoë"));
        assertEquals("clm202600017", Folded.fold("CLM 2026/00017."));
        assertEquals("nunez", Folded.fold("Nu\u0301n\u0303ez"), "accents written apart");
        assertEquals("angstrom", Folded.fold("ÅNGSTRÖM"));
        assertEquals("finley", Folded.fold("ﬁnley"), "a ligature is its letters");
        assertEquals("xii", Folded.fold("Ⅻ"));
        assertEquals("istanbul", Folded.fold("İstanbul"), "the dot of a capital İ is an accent");
        assertEquals("straße", Folded.fold("Straße"), "ß has no decomposition; both sides keep it");
        assertEquals("", Folded.fold(" -./,;\n\t()[]\"'"));
        assertEquals("\uD801\uDC28", Folded.fold("\uD801\uDC00"), "a letter beyond the BMP, lower-cased");
    }

    @Test
    void eachFoldedCharacterKnowsWhereItStandsInTheOriginal() {
        Folded folded = Folded.of("Mr. Zoe\u0308, ﬁ!");
        assertEquals("mrzoefi", folded.text());
        assertEquals(0, folded.start(0));
        assertEquals(1, folded.end(0));
        assertEquals(4, folded.start(2), "z");
        assertEquals(6, folded.start(4), "e");
        assertEquals(8, folded.end(4), "the accent after the e goes with it");
        assertEquals(10, folded.start(5), "f of the ligature");
        assertEquals(11, folded.end(5));
        assertEquals(10, folded.start(6), "i of the same ligature");
        assertEquals(11, folded.end(6));
    }

    @Test
    void aWordGoesOnWhereALetterOrDigitStandsBesideIt() {
        Folded folded = Folded.of("annual Ann.");
        assertFalse(folded.wordGoesOnBefore(0), "the start of the text");
        assertTrue(folded.wordGoesOnAt(3), "annual goes on after ann");
        assertFalse(folded.wordGoesOnBefore(7));
        assertFalse(folded.wordGoesOnAt(10), "a dot");
        assertFalse(folded.wordGoesOnAt(11), "the end of the text");
        assertTrue(folded.wordGoesOnBefore(8));
    }
}
