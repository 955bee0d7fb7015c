package org.imrflow.notification.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.notification.domain.ScrapedMetrics;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The spine's health, one card per service: its readiness and its outbox and dead-letter gauges, read from its
 * management interface, and the lag of each of its consumer groups per topic and partition, from Kafka's admin API.
 * Checked every {@code imrflow.spine.check-interval}, never per request; the page shows the last check.
 */
@ApplicationScoped
public class SpineHealth {
    private static final Logger LOG = Logger.getLogger(SpineHealth.class);

    /**
     * Where each service answers, by name: {@code imrflow.spine.services.intake-service.api=http://127.0.0.1:8081}
     * and {@code ...management=http://127.0.0.1:9081}; and how often they are checked.
     */
    @ConfigMapping(prefix = "imrflow.spine")
    public interface Services {
        Map<String, Endpoints> services();

        @WithDefault("5s")
        Duration checkInterval();

        interface Endpoints {
            /** Unset for this service itself: it is then reached where the request came in. */
            Optional<String> api();

            String management();
        }
    }

    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    public record ConsumerGroupLag(String group, long lag, List<PartitionLag> partitions) {
    }

    /** What one service showed at the last check; null figures were not available (the service did not answer). */
    public record ServiceCard(String service, String readiness, Double outboxUnsent, Double outboxOldestUnsentAgeSeconds,
                              Double outboxParked, Double deadLetters, List<ConsumerGroupLag> consumerGroups,
                              String problem) {
    }

    public record Spine(Instant checkedAt, List<ServiceCard> services, List<ConsumerGroupLag> otherConsumerGroups) {
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, Services.Endpoints> services;
    private final String bootstrapServers;
    private final Duration interval;
    private HttpClient http;
    private Admin admin;
    private long timer = -1;
    private volatile Spine last;

    SpineHealth(Vertx vertx, Clock clock, Services services,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.vertx = vertx;
        this.clock = clock;
        this.services = new TreeMap<>(services.services());
        this.bootstrapServers = bootstrapServers;
        this.interval = services.checkInterval();
        this.last = new Spine(clock.instant(), List.of(), List.of());
    }

    void start(@Observes StartupEvent startup) {
        http = vertx.createHttpClient();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "notification-service-spine-health");
        // a check answers within its interval or is skipped: a broker outage must not queue up checks
        int timeout = (int) Math.max(interval.toMillis(), 2_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        admin = Admin.create(config);
        timer = vertx.setPeriodic(interval.toMillis(), tick -> check());
        check();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The last check. */
    public Spine current() {
        return last;
    }

    private void check() {
        lags().chain(lags -> Uni.join().all(services.entrySet().stream()
                                .map(service -> card(service.getKey(), service.getValue().management(), lags)).toList())
                        .andFailFast()
                        .map(cards -> new Spine(clock.instant(), cards, lags.stream()
                                .filter(lag -> services.keySet().stream().noneMatch(s -> ownedBy(lag.group(), s)))
                                .toList())))
                .subscribe().with(spine -> last = spine, failure -> LOG.debugf("Could not check the spine: %s", failure));
    }

    /** A group belongs to the service whose name it starts with (notification-service-operations is notification's). */
    private static boolean ownedBy(String group, String service) {
        return group.equals(service) || group.startsWith(service + "-");
    }

    private Uni<ServiceCard> card(String service, String managementUrl, List<ConsumerGroupLag> lags) {
        List<ConsumerGroupLag> groups = lags.stream().filter(lag -> ownedBy(lag.group(), service)).toList();
        // the body is read even when only the status matters: an unread response keeps its pooled connection
        Uni<String> readiness = get(managementUrl + "/q/health/ready")
                .chain(response -> response.body().map(ignored -> response.statusCode() == 200 ? "UP" : "DOWN"));
        Uni<ScrapedMetrics> metrics = get(managementUrl + "/q/metrics")
                .chain(response -> response.body()).map(body -> ScrapedMetrics.parse(body.toString()));
        return Uni.combine().all().unis(readiness, metrics).asTuple()
                .map(both -> {
                    ScrapedMetrics m = both.getItem2();
                    return new ServiceCard(service, both.getItem1(), m.sum("imrflow_outbox_unsent").orElse(null),
                            m.sum("imrflow_outbox_oldest_unsent_age_seconds").orElse(null),
                            m.sum("imrflow_outbox_parked").orElse(null), m.sum("imrflow_dead_letters").orElse(null),
                            groups, null);
                })
                .onFailure().recoverWithItem(failure -> new ServiceCard(service, "UNREACHABLE", null, null, null, null,
                        groups, failure.getMessage()));
    }

    private Uni<HttpClientResponse> get(String url) {
        // with headers of its own: tracing adds its traceparent to them, and fails on a request that has none
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(interval.toMillis())
                        .putHeader("Accept", "text/plain, application/json"))
                .chain(request -> request.send());
    }

    /**
     * Every consumer group's committed offsets against the partitions' ends: three admin requests however many
     * groups there are (the groups, all their offsets, the ends of every partition they read).
     */
    private Uni<List<ConsumerGroupLag>> lags() {
        return Uni.createFrom().completionStage(() -> admin.listConsumerGroups().all().toCompletionStage())
                .chain(listings -> {
                    Map<String, ListConsumerGroupOffsetsSpec> groups = listings.stream().collect(Collectors.toMap(
                            ConsumerGroupListing::groupId, listing -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a, TreeMap::new));
                    if (groups.isEmpty()) {
                        return Uni.createFrom().item(List.<ConsumerGroupLag>of());
                    }
                    return Uni.createFrom().completionStage(() -> admin.listConsumerGroupOffsets(groups).all().toCompletionStage())
                            .chain(committed -> {
                                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                                committed.values().forEach(offsets -> offsets.keySet()
                                        .forEach(partition -> latest.put(partition, OffsetSpec.latest())));
                                return Uni.createFrom().completionStage(() -> admin.listOffsets(latest).all().toCompletionStage())
                                        .map(ends -> new TreeMap<>(committed).entrySet().stream()
                                                .map(group -> lag(group.getKey(), group.getValue(), ends)).toList());
                            });
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Could not read the consumer groups: %s", failure);
                    return List.of();
                });
    }

    private static ConsumerGroupLag lag(String group, Map<TopicPartition, OffsetAndMetadata> committed,
                                        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        List<PartitionLag> partitions = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            if (offset == null || !ends.containsKey(partition)) {
                return;
            }
            long end = ends.get(partition).offset();
            partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset.offset(), end,
                    Math.max(0, end - offset.offset())));
        });
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        return new ConsumerGroupLag(group, partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions);
    }
}
