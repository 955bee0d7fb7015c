package org.imrflow.letters;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.imrflow.letters.SampleCase.CASE_NUMBER;
import static org.imrflow.letters.SampleCase.CLAIM_NUMBER;
import static org.imrflow.letters.SampleCase.EMPLOYEE;
import static org.imrflow.letters.SampleCase.EXALGO;
import static org.imrflow.letters.SampleCase.IMRO;
import static org.imrflow.letters.SampleCase.IMRO_ADDRESS;
import static org.imrflow.letters.SampleCase.NEUROTOMY;
import static org.imrflow.letters.SampleCase.REVIEWER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document, rendered with realistic values and read back from its PDF with PDFBox: the facts each must carry are
 * there, the reviewer is not. Page 1 of each is drawn to target/documents/&lt;kind&gt;-page-1.png, to look at.
 */
class DocumentRendererTest {
    private static final Path OUT = Path.of("target", "documents");
    private static final DocumentRenderer RENDERER = new DocumentRenderer(IMRO, IMRO_ADDRESS);
    private static final ZonedDateTime RECORDS_DUE = ZonedDateTime.of(2026, 12, 14, 17, 0, 0, 0,
            ZoneId.of("America/Los_Angeles"));

    @Test
    void theFinalDeterminationCarriesTheFirstPageTheSummaryTheBodyAndTheClosing() {
        RenderedDocument letter = RENDERER.finalDetermination(SampleCase.letterhead(), SampleCase.decision());
        String pdf = pdfText(letter, "final-determination");

        // first page: who sends, when, about which case, to whom
        assertContains(pdf, IMRO, IMRO_ADDRESS, "October 21, 2014", "IMR Case Number: " + CASE_NUMBER,
                "Claim Number: " + CLAIM_NUMBER, "Employee: " + EMPLOYEE);
        for (PartyContact party : SampleCase.parties()) {
            assertContains(pdf, party.role().display(), party.name());
            if (party.email() != null) {
                assertFalse(pdf.contains(party.email()) || letter.html().contains(party.email()), party.email());
            }
        }
        assertContains(pdf, "1457 Olive Avenue, Apt. 3 Fresno, CA 93728", "P.O. Box 2020 Walnut Creek, CA 94595");
        int firstPage = pdf.indexOf(CLAIM_NUMBER);
        // the summary table, then the three sections in the sample's order, then the closing
        int table = pdf.indexOf("1 " + NEUROTOMY + " Injections Overturned");
        int how = pdf.indexOf("HOW THE IMR FINAL DETERMINATION WAS MADE");
        int summary = pdf.indexOf("CLINICAL CASE SUMMARY");
        int issues = pdf.indexOf("IMR ISSUES, DECISIONS AND RATIONALES");
        int binding = pdf.indexOf("binding on all parties (Labor Code section 4610.6)");
        assertTrue(0 < firstPage && firstPage < table && table < how && how < summary && summary < issues
                && issues < binding, pdf);
        assertContains(pdf,
                IMRO + " sent the complete case file to an expert reviewer. He/she has no affiliation with the employer,"
                        + " employee, providers or the claims administrator. The expert reviewer is Board Certified in"
                        + " Occupational Medicine and is licensed to practice in California.",
                "including the strength of evidence hierarchy that applies to Independent Medical Review determinations.",
                "The injured worker is a represented employee who has filed a claim for chronic neck pain",
                NEUROTOMY + ": Overturned",
                "Claims Administrator guideline: The Claims Administrator did not base their decision on the MTUS. "
                        + "Decision based on Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM",
                IMRO + " guideline: Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 174.",
                "Decision rationale: The MTUS/ACOEM Guidelines in Chapter 8, page 174",
                "is medically necessary and appropriate.",
                // the closing: binding, the appeal and its window and grounds, and what an overturned item obliges
                "appeal this determination to the Workers' Compensation Appeals Board (WCAB) by filing a verified appeal"
                        + " within 30 days of the service of the determination, or within 35 days (30 days plus 5) when"
                        + " the determination was served by mail",
                "Labor Code section 4610.6(h)", "the determination was procured by fraud",
                "Because an item was overturned, the claims administrator must authorize the treatment found medically"
                        + " necessary within 5 working days of receiving this determination, and must pay for services"
                        + " already rendered within 20 days",
                "9792.10.7", "Page 1 of ");
        assertReviewerAbsent(letter, pdf);
    }

    @Test
    void theLettersBodyIsTheTextThePreviewShows() {
        RenderedDocument letter = RENDERER.finalDetermination(SampleCase.letterhead(), SampleCase.decision());
        String preview = new DeterminationLetter(IMRO).compose(SampleCase.decision(), SampleCase.DATED);
        assertTrue(letter.text().contains(preview.substring(preview.indexOf("INDEPENDENT MEDICAL REVIEW"),
                preview.indexOf("\n\n") + 2)), letter.text());
        String body = preview.substring(preview.indexOf("HOW THE IMR FINAL DETERMINATION WAS MADE"));
        assertTrue(letter.text().contains(body), letter.text());
    }

    @Test
    void anUpheldOnlyDeterminationOwesNoAuthorization() {
        DecisionRecorded upheld = SampleCase.decision(List.of(SampleCase.exalgo()));
        String pdf = pdfText(RENDERER.finalDetermination(SampleCase.letterhead(), upheld), null);
        assertContains(pdf, "2 " + EXALGO + " Pharmacy Upheld", EXALGO + ": Upheld", "binding on all parties");
        assertFalse(pdf.contains("5 working days"), pdf);
        assertFalse(pdf.contains("Overturned"), pdf);
    }

    @Test
    void aLetterWithSeveralItemsListsEachInTheTableAndTheIssues() {
        DecisionRecorded two = SampleCase.decision(List.of(SampleCase.neurotomy(), SampleCase.exalgo()));
        RenderedDocument letter = RENDERER.finalDetermination(SampleCase.letterhead(), two);
        String pdf = pdfText(letter, null);
        assertContains(pdf, "1 " + NEUROTOMY + " Injections Overturned", "2 " + EXALGO + " Pharmacy Upheld",
                NEUROTOMY + ": Overturned", EXALGO + ": Upheld",
                "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines",
                IMRO + " guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids Page(s): 80-82.",
                "Because an item was overturned");
        assertTrue(letter.text().contains("\n" + NEUROTOMY + ": Overturned\n"), letter.text());
        assertTrue(letter.text().contains("\n" + EXALGO + ": Upheld\n"), letter.text());
    }

    @Test
    void theLetterIsForTheCaseItWasDecidedIn() {
        Letterhead other = new Letterhead("CM26-9999999", CLAIM_NUMBER, EMPLOYEE, SampleCase.DATED, SampleCase.parties());
        assertThrows(IllegalArgumentException.class, () -> RENDERER.finalDetermination(other, SampleCase.decision()));
    }

    @Test
    void thePublicCopyKeepsTheDeterminationAndTheQualificationsButNoParty() {
        RenderedDocument copy = RENDERER.publicFinalDetermination("IMR-PUB-2014-004211", SampleCase.DATED,
                SampleCase.decision());
        String pdf = pdfText(copy, "public-final-determination");
        assertContains(pdf, "Independent Medical Review Final Determination — public copy",
                "Reference: IMR-PUB-2014-004211", "Date of determination: October 21, 2014",
                "1 " + NEUROTOMY + " Injections Overturned",
                "HOW THE IMR FINAL DETERMINATION WAS MADE", "Board Certified in Occupational Medicine",
                "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES", NEUROTOMY + ": Overturned",
                "Decision rationale:", "binding on all parties", "Labor Code section 4610.6(h)");
        for (String form : List.of(copy.html(), copy.text(), pdf)) {
            // the letterhead of the other documents carries these: the public copy gets none of it
            assertFalse(form.contains(CASE_NUMBER), "case number in the public copy");
            assertFalse(form.contains(CLAIM_NUMBER), "claim number in the public copy");
            assertFalse(form.contains("IMR Case Number"), form);
            assertFalse(form.contains("Claim Number"), form);
            assertFalse(form.contains(normalized(EMPLOYEE)) || form.contains(EMPLOYEE), form);
            assertFalse(form.contains(IMRO_ADDRESS), form);
            for (PartyContact party : SampleCase.parties()) {
                assertFalse(form.contains(party.name()), party.name());
            }
        }
        assertReviewerAbsent(copy, pdf);
    }

    @Test
    void anIneligibleApplicationIsToldEveryReason() {
        List<String> reasons = List.of(
                "The application was received on December 3, 2026, after the filing window closed on December 1, 2026.",
                "The application is not signed by the employee or the employee's representative.",
                "No copy of the written Utilization Review decision was attached.");
        RenderedDocument notice = RENDERER.ineligibilityNotice(SampleCase.letterhead(), false, reasons);
        String pdf = pdfText(notice, "ineligibility-notice");
        assertContains(pdf, "NOTICE OF INELIGIBILITY FOR INDEPENDENT MEDICAL REVIEW", "IMR Case Number: " + CASE_NUMBER,
                "Claim Number: " + CLAIM_NUMBER, "Employee: " + EMPLOYEE, "Acme Claims Services",
                "Dana Whitfield, Esq., Whitfield & Ortiz LLP", "not eligible for IMR",
                "for each of the following reasons", "no Final Determination will be issued");
        for (String reason : reasons) {
            assertContains(pdf, reason);
            assertTrue(notice.text().contains("- " + reason.substring(0, 40)), notice.text());
        }
        assertFalse(pdf.contains("deferred"), pdf);
    }

    @Test
    void aDeferredApplicationWaitsForLiabilityAndIsNotRejected() {
        RenderedDocument notice = RENDERER.ineligibilityNotice(SampleCase.letterhead(), true,
                List.of("The claims administrator disputes liability for the cervical spine (objection of October 2, 2014)."));
        String pdf = pdfText(notice, "deferral-notice");
        assertContains(pdf, "NOTICE OF DEFERRAL OF INDEPENDENT MEDICAL REVIEW", "IMR Case Number: " + CASE_NUMBER,
                "The review is deferred", "disputes liability", "The application is not rejected.",
                "waits until the liability dispute is resolved",
                "The claims administrator disputes liability for the cervical spine (objection of October 2, 2014).");
        assertFalse(pdf.contains("not eligible"), pdf);
    }

    @Test
    void anIneligibilityNoticeWithoutAReasonIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.ineligibilityNotice(SampleCase.letterhead(), false, List.of(" ")));
    }

    @Test
    void theNoticeOfAssignmentAsksForTheRecordsByTheirDeadline() {
        RenderedDocument notice = RENDERER.noticeOfAssignment(SampleCase.letterhead(), ReviewType.STANDARD, RECORDS_DUE,
                NoticeMethod.MAIL);
        String pdf = pdfText(notice, "notice-of-assignment");
        assertContains(pdf, "NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION", "IMR Case Number: " + CASE_NUMBER,
                "Claim Number: " + CLAIM_NUMBER, "Rafael Medina, MD", "Central Valley Transit Authority",
                "the case is assigned to " + IMRO,
                "RECEIVED by the deadline",
                "Records must be received by: December 14, 2026, 5:00 PM PST",
                "medical reports on the employee's current condition for the six months before the request for authorization",
                "the application for Independent Medical Review",
                "all Utilization Review correspondence sent to the employee",
                "everything the employee or the requesting provider submitted",
                "$500 for each day late, up to $5,000", "9792.12(c)(6)", "sent by mail");
        assertFalse(pdf.contains("EXPEDITED"), pdf);
        assertFalse(pdf.contains("expedited"), pdf);
    }

    @Test
    void anExpeditedNoticeOfAssignmentSaysSo() {
        ZonedDateTime due = ZonedDateTime.of(2026, 7, 2, 9, 30, 0, 0, ZoneId.of("America/Los_Angeles"));
        String pdf = pdfText(RENDERER.noticeOfAssignment(SampleCase.letterhead(), ReviewType.EXPEDITED, due,
                NoticeMethod.ELECTRONIC), "notice-of-assignment-expedited");
        assertContains(pdf, "EXPEDITED REVIEW", "for expedited review", "July 2, 2026, 9:30 AM PDT", "sent electronically");
    }

    @Test
    void theWithdrawalConfirmationSaysTheReviewEndedWithoutALetter() {
        RenderedDocument confirmation = RENDERER.withdrawalConfirmation(SampleCase.letterhead(),
                Instant.parse("2014-10-09T22:15:00Z"), LocalDate.of(2014, 10, 8));
        String pdf = pdfText(confirmation, "withdrawal-confirmation");
        assertContains(pdf, "CONFIRMATION OF WITHDRAWAL OF INDEPENDENT MEDICAL REVIEW", "IMR Case Number: " + CASE_NUMBER,
                "Claim Number: " + CLAIM_NUMBER, "On October 9, 2014, the claims administrator gave notice",
                "the disputed treatment has been authorized (authorized on October 8, 2014)",
                "closed as withdrawn", "9792.10.6(a)", "No Final Determination will be issued",
                "nothing about it will be published");
        String undated = pdfText(RENDERER.withdrawalConfirmation(SampleCase.letterhead(),
                Instant.parse("2014-10-10T06:30:00Z"), null), null);
        assertContains(undated, "On October 9, 2014", "has been authorized. The Independent Medical Review");
        assertFalse(undated.contains("authorized on"), undated);
    }

    @Test
    void everyValueIsEscapedAndEveryLatinNameReachesThePdf() {
        String employee = "O'Brien & <Sons> \"Ltd\"";
        String addressee = "Nguyễn Thị Zoë";
        Letterhead head = new Letterhead("CM26-0000042", "WC <42> & 'co'", employee, SampleCase.DATED, List.of(
                new PartyContact(PartyRole.EMPLOYEE, addressee, null, "12 Rue de l'Église & Co <b>bold</b>"),
                new PartyContact(PartyRole.EMPLOYER, "Smith & Jones <Attorneys>\u0007", null, null)));
        RenderedDocument notice = RENDERER.ineligibilityNotice(head, false, List.of("A reason with <i>markup</i> & an ampersand"));
        String pdf = pdfText(notice, "escaping");
        assertContains(pdf, "Employee: " + employee, "Claim Number: WC <42> & 'co'", addressee,
                "12 Rue de l'Église & Co <b>bold</b>", "Smith & Jones <Attorneys>", "A reason with <i>markup</i> & an ampersand");
        assertTrue(notice.html().contains("O&#39;Brien &amp; &lt;Sons&gt; &quot;Ltd&quot;"), notice.html());
        assertFalse(notice.html().contains("<i>markup"), notice.html());
        assertTrue(normalized(notice.text()).contains(normalized("Employee: " + employee)), notice.text());
        assertTrue(normalized(notice.text()).contains(normalized(addressee)), notice.text());
    }

    @Test
    void allTextIsInTheOneEmbeddedFont() throws IOException {
        RenderedDocument letter = RENDERER.finalDetermination(SampleCase.letterhead(), SampleCase.decision());
        try (PDDocument document = Loader.loadPDF(letter.pdf())) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    assertTrue(font.isEmbedded(), font.getName());
                }
            }
            assertEquals(Set.of("LiberationSans"), fonts);
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
            String last = "Page " + document.getNumberOfPages() + " of " + document.getNumberOfPages();
            assertTrue(flat(new PDFTextStripper().getText(document)).contains(last), last);
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytesAndItsHash() {
        RenderedDocument once = RENDERER.withdrawalConfirmation(SampleCase.letterhead(), Instant.parse("2014-10-09T22:15:00Z"), null);
        RenderedDocument again = RENDERER.withdrawalConfirmation(SampleCase.letterhead(), Instant.parse("2014-10-09T22:15:00Z"), null);
        assertEquals(once, again);
        assertEquals(once.sha256(), again.sha256());
        assertTrue(once.sha256().matches("[0-9a-f]{64}"), once.sha256());
        assertNotEquals(once.sha256(), RENDERER.withdrawalConfirmation(SampleCase.letterhead(),
                Instant.parse("2014-10-10T22:15:00Z"), null).sha256());
        assertTrue(new String(once.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void oneRendererServesManyThreads() throws Exception {
        String expected = RENDERER.finalDetermination(SampleCase.letterhead(), SampleCase.decision()).sha256();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hashes.add(pool.submit(() -> RENDERER.finalDetermination(SampleCase.letterhead(), SampleCase.decision()).sha256()));
            }
            for (Future<String> hash : hashes) {
                assertEquals(expected, hash.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The PDF's text, whitespace collapsed; page 1 drawn to target/documents/&lt;kind&gt;-page-1.png when kind is given. */
    static String pdfText(RenderedDocument document, String kind) {
        try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
            if (kind != null) {
                Files.createDirectories(OUT);
                Files.write(OUT.resolve(kind + ".pdf"), document.pdf());
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
                ImageIO.write(page, "png", OUT.resolve(kind + "-page-1.png").toFile());
            }
            return flat(new PDFTextStripper().getText(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flat(String text) {
        return normalized(text).replaceAll("\\s+", " ");
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static void assertContains(String text, String... facts) {
        for (String fact : facts) {
            assertTrue(text.contains(flat(fact)), () -> "missing: " + fact + "\nin: " + text);
        }
    }

    private static void assertReviewerAbsent(RenderedDocument document, String pdfText) {
        for (String form : List.of(document.html(), document.text(), pdfText, new String(document.pdf(),
                java.nio.charset.StandardCharsets.ISO_8859_1))) {
            assertFalse(form.contains(REVIEWER_ID), "the reviewer is never identified");
        }
    }
}
