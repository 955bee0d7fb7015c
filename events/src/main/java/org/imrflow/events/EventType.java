package org.imrflow.events;

/**
 * Every event on the IMR stream: one topic each, keyed by the IMR case number, described by one JSON Schema.
 */
public enum EventType {
    CASE_RECEIVED("case-received", CaseReceived.class),
    CASE_INELIGIBLE("case-ineligible", CaseIneligible.class),
    REVIEWER_ASSIGNED("reviewer-assigned", ReviewerAssigned.class),
    DECISION_RECORDED("decision-recorded", DecisionRecorded.class),
    LETTER_ISSUED("letter-issued", LetterIssued.class),
    NOTICE_OF_ASSIGNMENT_SENT("notice-of-assignment-sent", NoticeOfAssignmentSent.class),
    RECORDS_RECEIVED("records-received", RecordsReceived.class),
    CASE_CONVERTED_TO_EXPEDITED("case-converted-to-expedited", CaseConvertedToExpedited.class),
    DEADLINE_REACHED("deadline-reached", DeadlineReached.class),
    CASE_WITHDRAWN("case-withdrawn", CaseWithdrawn.class),
    OFFER_ACCEPTED("offer-accepted", OfferAccepted.class),
    OFFER_DECLINED("offer-declined", OfferDeclined.class),
    NO_REVIEWER_AVAILABLE("no-reviewer-available", NoReviewerAvailable.class),
    EVENT_DEAD_LETTERED("event-dead-lettered", EventDeadLettered.class),
    DEAD_LETTER_REPLAYED("dead-letter-replayed", DeadLetterReplayed.class);

    private final String name;
    private final Class<?> payloadType;

    EventType(String name, Class<?> payloadType) {
        this.name = name;
        this.payloadType = payloadType;
    }

    /** The event type whose topic this is, if any. */
    public static java.util.Optional<EventType> ofTopic(String topic) {
        return java.util.Arrays.stream(values()).filter(type -> type.topic().equals(topic)).findFirst();
    }

    /** {@code imr.case-received} */
    public String topic() {
        return "imr." + name;
    }

    /** The CloudEvents {@code type}: {@code org.imrflow.case-received.v1} */
    public String cloudEventType() {
        return "org.imrflow." + name + ".v1";
    }

    /** Classpath location of the JSON Schema of the payload. */
    public String schemaResource() {
        return "schemas/" + name + ".v1.json";
    }

    /** The dead-letter topic of one consuming service: {@code imr.case-received.dlq.assignment-service} */
    public String deadLetterTopic(String consumingService) {
        return topic() + ".dlq." + consumingService;
    }

    /** The two events about dead letters themselves, which are never announced again when they are dead-lettered. */
    public boolean isAboutDeadLetters() {
        return this == EVENT_DEAD_LETTERED || this == DEAD_LETTER_REPLAYED;
    }

    public Class<?> payloadType() {
        return payloadType;
    }
}
