package org.imrflow.local.load;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events the load generator follows on the wire, in the order a case meets them. */
enum WireStep {
    CASE_RECEIVED("imr.case-received"),
    CASE_INELIGIBLE("imr.case-ineligible"),
    REVIEWER_ASSIGNED("imr.reviewer-assigned"),
    OFFER_ACCEPTED("imr.offer-accepted"),
    DECISION_RECORDED("imr.decision-recorded"),
    LETTER_ISSUED("imr.letter-issued");

    final String topic;

    WireStep(String topic) {
        this.topic = topic;
    }

    static List<String> topics() {
        return Arrays.stream(values()).map(step -> step.topic).toList();
    }

    static Optional<WireStep> ofTopic(String topic) {
        return Arrays.stream(values()).filter(step -> step.topic.equals(topic)).findFirst();
    }

    /** The steps an eligible case goes through, each exactly once. */
    static List<WireStep> eligiblePath() {
        return List.of(CASE_RECEIVED, REVIEWER_ASSIGNED, OFFER_ACCEPTED, DECISION_RECORDED, LETTER_ISSUED);
    }
}
