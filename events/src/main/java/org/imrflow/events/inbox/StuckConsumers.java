package org.imrflow.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events the inbox keeps retrying after a passing failure (database down, lock conflict, timeout). While any has
 * been failing for longer than {@code imrflow.inbox.stuck-after}, the service reports not ready, with the topic,
 * the case and the last failure; it never gives such an event up to the dead-letter topic.
 */
@Readiness
@Default // also injected plainly: the inbox reports to it
@ApplicationScoped
public class StuckConsumers implements HealthCheck {
    private final Clock clock;
    private final Duration stuckAfter;
    private final Map<UUID, Failing> failing = new ConcurrentHashMap<>();

    StuckConsumers(Clock clock, @ConfigProperty(name = "imrflow.inbox.stuck-after", defaultValue = "30s") Duration stuckAfter) {
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    private record Failing(String topic, String caseNumber, Instant since, String lastFailure) {
    }

    void failed(String topic, ReceivedEvent<?> event, Throwable failure) {
        Instant now = clock.instant();
        failing.compute(event.id(), (id, before) -> new Failing(topic, event.caseNumber(),
                before == null ? now : before.since(), failure.getClass().getSimpleName()));
    }

    void settled(ReceivedEvent<?> event) {
        failing.remove(event.id());
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").up();
        failing.forEach((id, f) -> {
            Duration failingFor = Duration.between(f.since(), now);
            if (failingFor.compareTo(stuckAfter) > 0) {
                response.down().withData(f.topic(), "case " + f.caseNumber() + " (event " + id + ") failing for "
                        + failingFor.toSeconds() + " s: " + f.lastFailure());
            }
        });
        return response.build();
    }
}
