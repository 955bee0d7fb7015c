package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.DeadLetterWiring;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** This service's dead-letters channel is wired: a message its consumer rejects is listed by /api/dead-letters. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class DeadLetterApiTest {

    @Test
    void aMessageTheConsumerRejectsIsListedAsADeadLetterWithoutItsPayload() {
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(EventType.REVIEWER_ASSIGNED, "review-service");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"RECORDS_RECEIVED", "DEADLINE_REACHED", "CASE_CONVERTED_TO_EXPEDITED", "CASE_WITHDRAWN"})
    void aCaseFileEventTheConsumerRejectsGoesToItsOwnDeadLetterTopic(EventType type) {
        DeadLetterWiring.assertARejectedMessageIsListedWithoutItsPayload(type, "review-service");
    }
}
