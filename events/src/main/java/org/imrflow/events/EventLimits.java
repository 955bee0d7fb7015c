package org.imrflow.events;

/**
 * The one set of size limits for everything that travels in an event. REST validation ({@code @Size}) and the JSON
 * Schemas ({@code maxLength}, {@code maxItems}) both use these numbers; {@code EventLimitsTest} checks the schemas
 * agree, and that the largest valid event still fits Kafka's default {@code max.request.size} of 1 MiB.
 *
 * <p>Lengths count UTF-16 code units, as Java and JSON Schema's {@code maxLength} do; UTF-8 needs at most 3 bytes
 * for each, which is the worst case the size test uses.
 */
public final class EventLimits {
    /** Disputed items on one application, and so decisions in one determination. */
    public static final int DISPUTED_ITEMS = 25;
    /** Names of people and organizations: employee, representative, firm, employer, claims administrator, physician. */
    public static final int NAME = 200;
    public static final int SPECIALTY = 100;
    public static final int BOARD_CERTIFICATION = 100;
    public static final int CLAIM_NUMBER = 60;
    public static final int EMAIL = 254;
    public static final int MAILING_ADDRESS = 500;
    /** An organization's identifier: a claims administrator, an employer, a law firm, a UR organization. */
    public static final int ORG_ID = 100;
    /** What an organization's identifier may hold: letters, digits, '.', '_' and '-' (an FEIN such as 95-1234567). */
    public static final String ORG_ID_PATTERN = "[A-Za-z0-9._-]+";
    /** A National Provider Identifier: ten digits. */
    public static final String NPI_PATTERN = "[0-9]{10}";
    public static final int REVIEWER_ID = 64;
    public static final int GUIDELINE_CITATION = 500;
    public static final int ITEM_DESCRIPTION = 1_000;
    public static final int ICD10_CODE = 8;
    public static final int GUIDELINE_SOURCE = 300;
    public static final int GUIDELINE_CHAPTER = 300;
    public static final int GUIDELINE_PAGES = 60;
    /** The reviewer's narrative of the records; the sample letter's is about 4,000 characters. */
    public static final int CLINICAL_CASE_SUMMARY = 20_000;
    /** One item's decision rationale; the sample letter's is about 1,700 characters. */
    public static final int RATIONALE = 8_000;
    /** Why one evidence level above the one cited does not apply (kept by review; not in any event). */
    public static final int WHY_NOT_HIGHER = 2_000;
    public static final int SCREENING_REASONS = 20;
    public static final int SCREENING_REASON = 500;
    /** An IMR case number, e.g. CM26-0000001. */
    public static final String CASE_NUMBER_PATTERN = "CM[0-9]{2}-[0-9]{7}";
    /** A service's name, e.g. assignment-service. */
    public static final int SERVICE_NAME = 63;
    /** A CloudEvents type, e.g. org.imrflow.case-received.v1. */
    public static final int EVENT_TYPE = 200;
    /** Why a consumer gave up on an event, as a dead letter carries it onwards: longer reasons are cut. */
    public static final int DEAD_LETTER_REASON = 1_000;

    /** Documents in one upload of medical records. */
    public static final int DOCUMENTS = 50;
    /** A document's file name. */
    public static final int DOCUMENT_NAME = 255;
    public static final int MEDIA_TYPE = 100;

    /** What the relay's producer may send in one request: Kafka's default {@code max.request.size}. */
    public static final int MAX_EVENT_BYTES = 1_048_576;

    private EventLimits() {
    }
}
