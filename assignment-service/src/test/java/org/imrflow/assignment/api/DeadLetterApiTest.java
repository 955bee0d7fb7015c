package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.DeadLetterWiring;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/** This service's dead-letters channel is wired: a message its consumer rejects is listed by /api/dead-letters. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class DeadLetterApiTest {

    @Test
    void aMessageTheConsumerRejectsIsListedAsADeadLetterWithoutItsPayload() {
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(EventType.CASE_RECEIVED, "assignment-service");
    }

    @Test
    void aWithdrawalTheConsumerRejectsGoesToItsOwnDeadLetterTopic() {
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(EventType.CASE_WITHDRAWN, "assignment-service");
    }

    @Test
    void answersToOffersTheConsumersRejectGoToTheirOwnDeadLetterTopics() {
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(EventType.OFFER_ACCEPTED, "assignment-service");
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(EventType.OFFER_DECLINED, "assignment-service");
    }
}
