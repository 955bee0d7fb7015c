package org.imrflow.letters;

import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.PartyContact;
import org.imrflow.events.ReviewType;
import org.w3c.dom.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.imrflow.letters.DeterminationLetter.LONG_DATE;

/**
 * Every document of a case, each from one Qute XHTML template ({@code templates/*.xhtml}, sharing a layout, the
 * letterhead and, for the Final Determination and its public copy, the body), in three forms: the XHTML itself, plain
 * text read from it, and a PDF drawn from it.
 * <p>
 * Thread-safe, and cheap to call again: the template engine, the templates and the font are loaded once for the JVM.
 * Rendering the PDF is blocking, CPU-bound work (tens of milliseconds): call it off the event loop. No document ever
 * holds the expert reviewer's identity: only the qualifications reach a template.
 */
public final class DocumentRenderer {
    /** Where IMR happens: times without a zone of their own (a withdrawal's instant) are told in California time. */
    private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
    /** December 14, 2026, 5:00 PM PST */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a zzz", Locale.US);

    private final String imroName;
    private final String imroAddress;

    /**
     * @param imroName    e.g. "Maximus Federal Services"
     * @param imroAddress e.g. "P.O. Box 138009, Sacramento, CA 95813-8009"; line breaks, if any, are kept on the
     *                    letterhead
     */
    public DocumentRenderer(String imroName, String imroAddress) {
        this.imroName = Objects.requireNonNull(imroName, "imroName");
        this.imroAddress = Objects.requireNonNull(imroAddress, "imroAddress");
    }

    /** The letter to the parties: letterhead, summary of decisions, the body, what the determination means. */
    public RenderedDocument finalDetermination(Letterhead head, DecisionRecorded decision) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(decision, "decision");
        if (!Objects.equals(head.caseNumber(), decision.caseNumber())) {
            throw new IllegalArgumentException("Letterhead for case " + head.caseNumber() + ", decision for case "
                    + decision.caseNumber());
        }
        Map<String, Object> data = letter(head);
        data.putAll(DeterminationLetter.body(imroName, decision));
        data.put("caseNumber", head.caseNumber());
        data.put("determinationDate", LONG_DATE.format(head.dated()));
        return render("final-determination", data);
    }

    /**
     * De-identified public copy: no letterhead, no addressees, no case or claim number; `reference` is the archive's
     * public id. The decision passed in has ALREADY been scrubbed by the caller.
     */
    public RenderedDocument publicFinalDetermination(String reference, LocalDate determinationDate,
                                                     DecisionRecorded scrubbed) {
        Map<String, Object> data = DeterminationLetter.body(imroName, Objects.requireNonNull(scrubbed, "scrubbed"));
        data.put("reference", Objects.requireNonNull(reference, "reference"));
        data.put("determinationDate", LONG_DATE.format(Objects.requireNonNull(determinationDate, "determinationDate")));
        return render("public-final-determination", data);
    }

    /**
     * A notice that the application is not eligible for IMR ({@code deferred} false: every reason found must be
     * given), or that it waits for a liability dispute to be resolved ({@code deferred} true).
     */
    public RenderedDocument ineligibilityNotice(Letterhead head, boolean deferred, List<String> reasons) {
        List<String> given = reasons == null ? List.of() : reasons.stream().filter(Objects::nonNull)
                .map(String::strip).filter(reason -> !reason.isEmpty()).toList();
        if (!deferred && given.isEmpty()) {
            throw new IllegalArgumentException("A notice of ineligibility gives every reason found, and none was given");
        }
        Map<String, Object> data = letter(head);
        data.put("deferred", deferred);
        data.put("reasons", given);
        return render("ineligibility-notice", data);
    }

    /** The Notice of Assignment and Request for Information (NOARFI), with the records' deadline. */
    public RenderedDocument noticeOfAssignment(Letterhead head, ReviewType reviewType, ZonedDateTime recordsDueAt,
                                               NoticeMethod method) {
        Map<String, Object> data = letter(head);
        data.put("expedited", Objects.requireNonNull(reviewType, "reviewType") == ReviewType.EXPEDITED);
        data.put("recordsDueAt", DATE_TIME.format(Objects.requireNonNull(recordsDueAt, "recordsDueAt")));
        data.put("mailed", Objects.requireNonNull(method, "method") == NoticeMethod.MAIL);
        return render("notice-of-assignment", data);
    }

    /** The review ended because the disputed treatment was authorized; {@code treatmentAuthorizedDate} may be null. */
    public RenderedDocument withdrawalConfirmation(Letterhead head, Instant withdrawnAt, LocalDate treatmentAuthorizedDate) {
        Map<String, Object> data = letter(head);
        data.put("withdrawnOn", LONG_DATE.format(Objects.requireNonNull(withdrawnAt, "withdrawnAt").atZone(CALIFORNIA)));
        data.put("treatmentAuthorizedOn", treatmentAuthorizedDate == null ? null : LONG_DATE.format(treatmentAuthorizedDate));
        return render("withdrawal-confirmation", data);
    }

    private RenderedDocument render(String template, Map<String, Object> data) {
        String html = Templates.render(template, data);
        Document xhtml = Templates.parse(html);
        String text = PlainText.of(xhtml);
        return new RenderedDocument(html, text, Pdf.render(xhtml, html));
    }

    /** What the letterhead prints; the email addresses stay out. */
    private Map<String, Object> letter(Letterhead head) {
        Objects.requireNonNull(head, "head");
        Map<String, Object> letterhead = new HashMap<>();
        letterhead.put("caseNumber", Objects.requireNonNull(head.caseNumber(), "caseNumber"));
        letterhead.put("claimNumber", head.claimNumber());
        letterhead.put("employeeName", head.employeeName());
        letterhead.put("dated", LONG_DATE.format(Objects.requireNonNull(head.dated(), "dated")));
        List<Map<String, Object>> addressees = new ArrayList<>();
        for (PartyContact party : head.addressees()) {
            Map<String, Object> addressee = new HashMap<>();
            addressee.put("role", party.role() == null ? "" : party.role().display());
            addressee.put("name", party.name() == null ? "" : party.name());
            addressee.put("addressLines", lines(party.mailingAddress()));
            addressees.add(addressee);
        }
        letterhead.put("addressees", addressees);
        Map<String, Object> data = new HashMap<>();
        data.put("imroName", imroName);
        data.put("imroAddressLines", lines(imroAddress));
        data.put("imroAddress", String.join(", ", lines(imroAddress)));
        data.put("head", letterhead);
        return data;
    }

    private static List<String> lines(String address) {
        return address == null ? List.of()
                : Arrays.stream(address.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
