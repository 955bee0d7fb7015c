package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.events.inbox.InvalidEventException;
import org.imrflow.events.inbox.ReceivedEvent;
import org.imrflow.notification.application.OperationsLive;
import org.imrflow.notification.application.ProjectionRebuild;
import org.imrflow.notification.domain.CaseMilestones;
import org.imrflow.notification.domain.CaseStage;
import org.imrflow.notification.domain.EventFacts;
import org.imrflow.notification.store.CaseProgress;
import org.imrflow.notification.store.ObservedEvent;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Builds the operations view from every topic of the stream, in a consumer group of its own
 * ({@value #CONSUMER}), so that it reads every event whatever this service's other consumers do with them. Generic
 * over event types: a new type shows in the feed as soon as its topic is added to the channel.
 */
@ApplicationScoped
public class OperationsViewConsumer {
    public static final String CONSUMER = "notification-service-operations";

    private final Inbox inbox;
    private final Clock clock;
    private final ZoneId zone;
    private final OperationsLive live;
    private final ProjectionRebuild rebuild;

    OperationsViewConsumer(Inbox inbox, Clock clock, @ConfigProperty(name = "imrflow.notification.time-zone") ZoneId zone,
                           OperationsLive live, ProjectionRebuild rebuild) {
        this.inbox = inbox.named(CONSUMER);
        this.clock = clock;
        this.zone = zone;
        this.live = live;
        this.rebuild = rebuild;
    }

    @Incoming("operations-view")
    public Uni<Void> observe(Message<String> message) {
        Optional<IncomingKafkaRecordMetadata> record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String topic = record.map(IncomingKafkaRecordMetadata::getTopic).orElse("(unknown)");
        return EventType.ofTopic(topic)
                .map(type -> observe(message, type))
                .orElseGet(() -> Uni.createFrom().completionStage(() ->
                        message.nack(new InvalidEventException("no event type has the topic " + topic))))
                .onTermination().invoke(() -> rebuild.handled(topic,
                        record.map(IncomingKafkaRecordMetadata::getPartition).orElse(-1),
                        record.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L)));
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> observe(Message<String> message, EventType type) {
        return inbox.process(message, type, (Class<Object>) type.payloadType(), event -> record(type, event));
    }

    private Uni<Void> record(EventType type, ReceivedEvent<Object> event) {
        EventFacts facts = EventFacts.of(type, event.payload(), zone);
        Optional<CaseStage> reached = CaseStage.reachedBy(type, event.payload());
        ObservedEvent observed = new ObservedEvent();
        observed.eventId = event.id();
        observed.eventType = type.cloudEventType();
        observed.caseNumber = event.caseNumber();
        observed.source = facts.source();
        observed.occurredAt = event.occurredAt();
        observed.observedAt = clock.instant();
        observed.summary = facts.summary();
        observed.reviewerId = facts.reviewerId();
        observed.stageReached = reached.orElse(null);
        return CaseStage.shownBy(type, event.payload())
                .map(stage -> progress(event, stage, CaseMilestones.of(type, event.payload())))
                .orElse(Uni.createFrom().nullItem())
                .chain(left -> {
                    observed.stageLeft = left;
                    return observed.persist();
                })
                .invoke(live::changed)
                .replaceWithVoid();
    }

    /** Moves the case's row on; the stage it left, or null when it stays or is new. */
    private static Uni<CaseStage> progress(ReceivedEvent<Object> event, CaseStage reached, CaseMilestones milestones) {
        return CaseProgress.<CaseProgress>findById(event.caseNumber()).chain(known -> {
            if (known == null) {
                CaseProgress progress = new CaseProgress();
                progress.caseNumber = event.caseNumber();
                progress.stage = reached;
                progress.firstEventAt = event.occurredAt();
                progress.lastEventAt = event.occurredAt();
                progress.setMilestones(milestones);
                return progress.persist().replaceWith((CaseStage) null);
            }
            CaseStage left = known.stage;
            known.stage = known.stage.furthest(reached);
            known.setMilestones(known.milestones().and(milestones));
            if (event.occurredAt().isBefore(known.firstEventAt)) {
                known.firstEventAt = event.occurredAt();
            }
            if (event.occurredAt().isAfter(known.lastEventAt)) {
                known.lastEventAt = event.occurredAt();
            }
            return Uni.createFrom().item(known.stage == left ? null : left);
        });
    }
}
