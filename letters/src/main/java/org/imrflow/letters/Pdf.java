package org.imrflow.letters;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.logging.Level;

/**
 * XHTML to PDF with openhtmltopdf on PDFBox. Blocking and CPU-bound: callers run it off the event loop. A builder is
 * made per document (they are not thread-safe); the font's bytes and its metrics are read once for the JVM.
 */
final class Pdf {
    /** The family the templates' CSS asks for. */
    static final String FONT_FAMILY = "Liberation Sans";
    /** Shipped inside the pdfbox jar; covers Latin-1 and Latin Extended (Nguyễn, Zoë), unlike PDF's standard fonts. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /**
     * openhtmltopdf sets up PDF's 14 standard fonts for every document, and PDFBox warns for each one that it finds no
     * such font on the system (the documents never use them: everything is in the embedded font). Held here, as
     * java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger PDFBOX_FONTS = java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font");
    private static final byte[] FONT_BYTES;
    private static final FSCacheEx<String, FSCacheValue> FONT_METRICS = new FSDefaultCacheStore();

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");  // no display on a server; AWT must not look for one
        }
        // openhtmltopdf logs every document's progress at INFO; keep its warnings and errors only.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
        PDFBOX_FONTS.setLevel(Level.SEVERE);
        try (InputStream font = Pdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("No font " + FONT + " on the class path (it ships in pdfbox)");
            }
            FONT_BYTES = font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Pdf() {
    }

    /**
     * The same document gives the same bytes, so its SHA-256 names it: no creation time in the document information
     * (it is optional, and the letter carries its own date), and an /ID drawn from the content rather than the clock.
     */
    private record Reproducible(String content) implements PDFCreationListener {
        @Override
        public void preOpen(PdfBoxRenderer renderer) {
        }

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pageCount) {
        }

        @Override
        public void onClose(PdfBoxRenderer renderer) {
            PDDocument document = renderer.getPdfDocument();
            document.getDocumentInformation().setCreationDate(null);
            byte[] id;
            try {
                id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)), 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
        }
    }

    /**
     * @param id what the document's identifier (the trailer's /ID) is drawn from: the same XHTML gives the same bytes
     */
    static byte[] render(Document xhtml, String id) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        PDDocument document = new PDDocument();
        TrueTypeFont font = withoutGlyphSubstitution();
        try {
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), FONT_FAMILY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Documents hold no images, links or style sheets to fetch: nothing outside is ever read.
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("IMR Flow");
        builder.withW3cDocument(xhtml, null);
        builder.toStream(pdf);
        try (font; PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.setListener(new Reproducible(id));
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /**
     * The font, parsed for one document (a parsed font is not safe to share between threads), with OpenType glyph
     * substitution off. PDFBox applies substitution to every run of text it draws, compiling regular expressions from
     * the font's ligature tables each time: profiled, that was 40 % of notification-service's CPU in a surge. Letters
     * in Latin script need none of it: no ligature or contextual form changes a word of theirs.
     */
    private static TrueTypeFont withoutGlyphSubstitution() {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
