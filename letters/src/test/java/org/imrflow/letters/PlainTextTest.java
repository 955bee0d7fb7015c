package org.imrflow.letters;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainTextTest {

    private static String text(String body) {
        return PlainText.of(Templates.parse("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<title>Not printed</title><style>p { color: red; }</style></head><body>" + body + "</body></html>"));
    }

    @Test
    void headingsAndParagraphsAreBlocksEachFollowedByABlankLine() {
        assertEquals("TITLE\n\nOne paragraph.\n\nAnother.\n",
                text("<h1>TITLE</h1>\n  <p>One paragraph.</p>\n\n<div><p>Another.</p></div>"));
    }

    @Test
    void paragraphsWrapAt96ColumnsAndTheSourcesLineBreaksAreSpaces() {
        String words = "word ".repeat(40).strip();
        String text = text("<p>" + words.replace("word word", "word\n      word") + "</p>");
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 96, line);
        }
        assertEquals(words, text.strip().replace("\n", " "));
        assertEquals("word ".repeat(19).strip(), text.lines().findFirst().orElseThrow());
    }

    @Test
    void keepsTheWritersDoubleSpacesButNotTheIndentation() {
        assertEquals("First sentence.  Second sentence.\n", text("<p>\n    First sentence.  Second\n    sentence.\n</p>"));
    }

    @Test
    void aBreakStartsANewLineAndInlineElementsAreText() {
        assertEquals("Maximus Federal Services\nP.O. Box 138009\n\nDear Ms. Nguyễn, see item 1.\n",
                text("<p><span class=\"big\">Maximus Federal Services</span><br/>P.O. Box 138009</p>"
                        + "<p>Dear <em>Ms. Nguyễn</em>, see <a href=\"#i1\">item 1</a>.</p>"));
    }

    @Test
    void aNowrapParagraphIsNeverWrapped() {
        String longLine = "X".repeat(60) + " " + "Y".repeat(60) + ": Upheld";
        assertEquals(longLine + "\n\n" + "X".repeat(60) + "\n" + "Y".repeat(60) + "\n",
                text("<p class=\"item-line nowrap\">" + longLine + "</p><p>" + "X".repeat(60) + " " + "Y".repeat(60) + "</p>"));
    }

    @Test
    void entitiesAreReadBackAsTheirCharacters() {
        assertEquals("O'Brien & <Sons> \"Ltd\"\n", text("<p>O&#39;Brien &amp; &lt;Sons&gt; &quot;Ltd&quot;</p>"));
    }

    @Test
    void tablesAreAlignedRowsWithARuleUnderTheHeader() {
        assertEquals("""
                Item  Disputed item or service                                Decision
                ----  ------------------------------------------------------  ----------
                1     Cervical medial branch neurotomy at bilateral C2 C3 C4  Overturned
                2     Exalgo 8mg #30                                          Upheld

                After.
                """, text("""
                <table><thead><tr><th>Item</th><th>Disputed item or service</th><th>Decision</th></tr></thead>
                <tbody>
                  <tr><td>1</td><td>Cervical medial branch neurotomy
                      at bilateral C2 C3 C4</td><td>Overturned</td></tr>
                  <tr><td>2</td><td>Exalgo 8mg #30</td><td>Upheld</td></tr>
                </tbody></table><p>After.</p>"""));
    }

    @Test
    void aTableWiderThanThePageWrapsItsWidestColumn() {
        String description = "Lumbar transforaminal epidural steroid injection at left L4-L5 and L5-S1 under fluoroscopic"
                + " guidance with moderate sedation";
        String text = text("<table><tr><td>1</td><td>" + description + "</td><td>Overturned</td></tr></table>");
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size(), text);
        for (String line : lines) {
            assertTrue(line.length() <= 96, line);
        }
        assertEquals(List.of(
                "1  Lumbar transforaminal epidural steroid injection at left L4-L5 and L5-S1 under     Overturned",
                "   fluoroscopic guidance with moderate sedation"), lines);
    }

    @Test
    void listItemsStartWithADashOrTheirNumberAndWrapUnderTheirText() {
        String longItem = "the treating physician's medical reports on the employee's current condition for the six"
                + " months before the request for authorization";
        assertEquals("""
                        - the treating physician's medical reports on the employee's current condition for the six
                          months before the request for authorization
                        - the application

                        1. first
                        2. second
                        """,
                text("<ul>\n<li>" + longItem + "</li>\n<li>the application</li></ul><ol><li>first</li><li>second</li></ol>"));
    }

    @Test
    void looseTextBetweenBlocksIsAParagraphAndBlankTextIsNothing() {
        assertEquals("Loose text.\n\nIn a paragraph.\n", text("<div>\n  Loose text.\n  <p>In a paragraph.</p>\n</div>\n\n"));
    }

    @Test
    void anEmptyDocumentIsOneEmptyLine() {
        assertEquals("\n", text(""));
    }

    @Test
    void xhtmlThatIsNotWellFormedIsRefused() {
        assertThrows(IllegalStateException.class, () -> Templates.parse("<p>Smith & Jones</p>"));
    }

    @Test
    void theEscaperMakesAnyStringSafeXml() {
        String nasty = "A & B <script>\"x\" 'y'\u0000\u0007\uFFFF end\u000Cnext \uD83D\uDE00 \uD800 lone";
        String escaped = Templates.XhtmlEscaper.escape(nasty);
        assertEquals("A &amp; B &lt;script&gt;&quot;x&quot; &#39;y&#39; end\nnext \uD83D\uDE00  lone", escaped);
        assertEquals("A & B <script>\"x\" 'y' end next \uD83D\uDE00  lone\n", text("<p>" + escaped + "</p>"));
    }
}
