package org.imrflow.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The topics of the IMR event stream, created before the services start, as an operator would in production:
 * consumers then subscribe to topics that exist, and the first case does not wait for auto-creation and a metadata
 * refresh. {@code events}' tests check that this list covers every event type.
 */
public final class ImrTopics {
    public static final List<String> ALL = List.of(
            "imr.case-received",
            "imr.case-ineligible",
            "imr.reviewer-assigned",
            "imr.decision-recorded",
            "imr.letter-issued",
            "imr.notice-of-assignment-sent",
            "imr.records-received",
            "imr.case-converted-to-expedited",
            "imr.deadline-reached",
            "imr.case-withdrawn",
            "imr.offer-accepted",
            "imr.offer-declined",
            "imr.no-reviewer-available",
            "imr.event-dead-lettered",
            "imr.dead-letter-replayed",
            "imr.case-received.dlq.assignment-service",
            "imr.case-received.dlq.notification-service",
            "imr.operations-view.dlq.notification-service",
            "imr.reviewer-assigned.dlq.intake-service",
            "imr.letter-issued.dlq.intake-service",
            "imr.reviewer-assigned.dlq.review-service",
            "imr.decision-recorded.dlq.notification-service",
            "imr.decision-recorded.dlq.assignment-service",
            "imr.event-dead-lettered.dlq.intake-service",
            "imr.dead-letter-replayed.dlq.intake-service",
            "imr.case-withdrawn.dlq.assignment-service",
            "imr.records-received.dlq.review-service",
            "imr.deadline-reached.dlq.review-service",
            "imr.case-converted-to-expedited.dlq.review-service",
            "imr.case-withdrawn.dlq.review-service",
            "imr.case-withdrawn.dlq.notification-service",
            "imr.offer-accepted.dlq.assignment-service",
            "imr.offer-declined.dlq.assignment-service");
    private static final int PARTITIONS = 3;

    private ImrTopics() {
    }

    static void createMissing(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the IMR topics on " + bootstrapServers, e);
        }
    }
}
