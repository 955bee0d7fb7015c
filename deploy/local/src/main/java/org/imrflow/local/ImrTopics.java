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
            "imr.case-ineligible.dlq.notification-service",
            "imr.notice-of-assignment-sent.dlq.notification-service",
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
    private ImrTopics() {
    }

    /**
     * Creates the topics that do not exist yet with {@code partitions} partitions each. Topics that exist keep theirs:
     * adding partitions would move a case's key to another partition and break the order of its events. Returns the
     * existing topics with fewer partitions than asked for, for the launcher to say so.
     */
    static List<String> createMissing(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            List<String> kept = ALL.stream().filter(existing::contains).toList();
            if (kept.isEmpty()) {
                return List.of();
            }
            return admin.describeTopics(kept).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .filter(topic -> topic.partitions().size() < partitions)
                    .map(topic -> topic.name() + " (" + topic.partitions().size() + ")")
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the IMR topics on " + bootstrapServers, e);
        }
    }
}
