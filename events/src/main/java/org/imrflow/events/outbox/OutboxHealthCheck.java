package org.imrflow.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Not ready while events wait in the outbox longer than they should: Kafka is away, or the relay is stuck. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxMetrics metrics;
    private final Duration maxUnsentAge;

    OutboxHealthCheck(OutboxMetrics metrics,
                      @ConfigProperty(name = "imrflow.outbox.max-unsent-age", defaultValue = "60s") Duration maxUnsentAge) {
        this.metrics = metrics;
        this.maxUnsentAge = maxUnsentAge;
    }

    @Override
    public HealthCheckResponse call() {
        Duration oldest = metrics.oldestUnsentAge();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .status(oldest.compareTo(maxUnsentAge) <= 0)
                .withData("unsent", metrics.unsent())
                .withData("oldestUnsentAgeSeconds", oldest.toSeconds())
                .withData("maxUnsentAgeSeconds", maxUnsentAge.toSeconds())
                .withData("parked", metrics.parked());
        if (metrics.refreshedAt() != null) {
            response.withData("figuresReadAt", metrics.refreshedAt().toString());
        }
        return response.build();
    }
}
