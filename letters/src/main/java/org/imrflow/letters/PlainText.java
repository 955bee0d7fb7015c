package org.imrflow.letters;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plain-text form of a document, read from the same XHTML as its HTML and PDF forms, so no document has a second,
 * text-only template. Each block ends with a blank line:
 * <ul>
 *     <li>headings and paragraphs are wrapped at {@value #WIDTH} columns (a word longer than that stands on its own
 *     line); {@code <br/>} starts a new line; a paragraph of class {@code nowrap} is never wrapped;</li>
 *     <li>tables become aligned columns, with a rule of dashes under a header row of {@code <th>} cells; a table
 *     wider than the page narrows its widest columns and wraps their cells;</li>
 *     <li>list items start with "- " ({@code <ul>}) or "1. " ({@code <ol>}), continuation lines indented under the
 *     text;</li>
 *     <li>{@code <head>}, {@code <style>} and {@code <script>} give nothing; other elements are containers (blocks) or
 *     inline text.</li>
 * </ul>
 * Inside a paragraph, a line break of the source and the spaces or tabs around it become one space, but other runs of
 * spaces are kept, as the reviewer typed them (the published letters keep two spaces between sentences).
 */
final class PlainText {
    static final int WIDTH = 96;

    /** Stands for {@code <br/>} while a paragraph's text is gathered: XML text can never hold it. */
    private static final char BREAK = '\u0000';
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "dt", "dd",
            "caption", "figcaption", "pre", "li", "td", "th");
    private static final Set<String> BLOCKS = Set.of("html", "body", "div", "section", "article", "header", "footer",
            "main", "nav", "aside", "blockquote", "figure", "form", "fieldset", "dl", "ul", "ol", "table", "thead",
            "tbody", "tfoot", "tr", "hr");

    private final List<String> lines = new ArrayList<>();

    private PlainText() {
    }

    static String of(Document xhtml) {
        PlainText text = new PlainText();
        text.block(xhtml.getDocumentElement());
        return text.toString();
    }

    @Override
    public String toString() {
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    private void block(Element element) {
        String name = name(element);
        if (SKIPPED.contains(name) || name.equals("hr")) {
            return;
        }
        switch (name) {
            case "ul", "ol" -> list(element, name.equals("ol"));
            case "table" -> table(element);
            default -> {
                if (PARAGRAPHS.contains(name)) {
                    paragraph(inline(element), !hasClass(element, "nowrap"));
                } else {
                    container(element);
                }
            }
        }
    }

    /** Blocks in turn; text between them (outside any paragraph) is a paragraph of its own unless it is blank. */
    private void container(Element element) {
        StringBuilder loose = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && isBlock(e)) {
                looseParagraph(loose);
                block(e);
            } else {
                inline(child, loose);
            }
        }
        looseParagraph(loose);
    }

    private void looseParagraph(StringBuilder loose) {
        if (!loose.toString().replace(BREAK, ' ').isBlank()) {
            paragraph(loose.toString(), true);
        }
        loose.setLength(0);
    }

    private void paragraph(String text, boolean wrap) {
        for (String line : text.split(String.valueOf(BREAK), -1)) {
            String flat = flatten(line);
            if (wrap) {
                lines.addAll(wrap(flat, WIDTH));
            } else if (!flat.isEmpty()) {
                lines.add(flat);
            }
        }
        lines.add("");
    }

    private void list(Element list, boolean ordered) {
        int number = 1;
        for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element item) || !name(item).equals("li")) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            boolean first = true;
            for (String line : inline(item).split(String.valueOf(BREAK), -1)) {
                for (String wrapped : wrap(flatten(line), WIDTH - marker.length())) {
                    lines.add((first ? marker : indent) + wrapped);
                    first = false;
                }
            }
        }
        lines.add("");
    }

    private void table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> headers = new ArrayList<>();
        for (Element row : rows(table)) {
            List<String> cells = new ArrayList<>();
            boolean allHeaders = true;
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
                if (cell instanceof Element e && (name(e).equals("td") || name(e).equals("th"))) {
                    cells.add(inline(e).replace(BREAK, ' ').replaceAll("\\s+", " ").strip());
                    allHeaders &= name(e).equals("th");
                }
            }
            rows.add(cells);
            headers.add(allHeaders && !cells.isEmpty());
        }
        for (Element caption : children(table, "caption")) {
            paragraph(inline(caption), true);
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        int total = 2 * Math.max(0, columns - 1);
        for (int width : widths) {
            total += width;
        }
        while (total > WIDTH) {
            int widest = 0;
            for (int c = 1; c < columns; c++) {
                widest = widths[c] > widths[widest] ? c : widest;
            }
            if (widths[widest] <= 12) {
                break;
            }
            widths[widest]--;
            total--;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns; c++) {
                List<String> cell = c < rows.get(r).size() ? wrap(rows.get(r).get(c), widths[c]) : List.of();
                cells.add(cell);
                height = Math.max(height, cell.size());
            }
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    String part = l < cells.get(c).size() ? cells.get(c).get(l) : "";
                    line.append(c == 0 ? "" : "  ").append(part).append(" ".repeat(Math.max(0, widths[c] - length(part))));
                }
                lines.add(line.toString().stripTrailing());
            }
            if (headers.get(r)) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
                }
                lines.add(rule.toString());
            }
        }
        lines.add("");
    }

    /** The rows of this table, not of tables nested in its cells. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Node child = table.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                switch (name(e)) {
                    case "tr" -> rows.add(e);
                    case "thead", "tbody", "tfoot" -> rows.addAll(children(e, "tr"));
                    default -> { }
                }
            }
        }
        return rows;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && name(e).equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** All the text within, a {@code <br/>} as {@link #BREAK}. */
    private static String inline(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            inline(child, text);
        }
        return text.toString();
    }

    private static void inline(Node node, StringBuilder text) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(node.getNodeValue());
            case Node.ELEMENT_NODE -> {
                String name = name((Element) node);
                if (name.equals("br")) {
                    text.append(BREAK);
                } else if (!SKIPPED.contains(name)) {
                    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                        inline(child, text);
                    }
                }
            }
            default -> { }
        }
    }

    /** One line of a paragraph: a line break with the spaces or tabs around it is one space; other spaces stay. */
    private static String flatten(String text) {
        return text.strip().replaceAll("[ \\t]*\\R[ \\t]*", " ");
    }

    /** Greedy word wrap on spaces; a word longer than the width stands on its own line. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                if (line.length() > 0) {
                    line.append(' ');  // keep the reviewer's double spaces between sentences
                }
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean isBlock(Element element) {
        String name = name(element);
        return BLOCKS.contains(name) || PARAGRAPHS.contains(name) || SKIPPED.contains(name);
    }

    private static boolean hasClass(Element element, String cssClass) {
        for (String token : element.getAttribute("class").split("\\s+")) {
            if (token.equals(cssClass)) {
                return true;
            }
        }
        return false;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String name(Element element) {
        String name = element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }
}
