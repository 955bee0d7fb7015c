package org.imrflow.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of IMR Flow on one machine: Kafka and PostgreSQL, then the four services as separate JVMs, each ready on
 * {@code /q/health/ready}. Behind the README's run command and the system tests.
 */
public final class LocalSystem implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Infrastructure infrastructure;
    private final Map<ImrService, ServiceProcess> services = new EnumMap<>(ImrService.class);
    private final Map<ImrService, Duration> readyAfter = new EnumMap<>(ImrService.class);

    private LocalSystem(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public static LocalSystem start(SystemOptions options) {
        LocalSystem system = new LocalSystem(Infrastructure.start(options.stack()));
        try {
            ImrTopics.createMissing(system.infrastructure.kafkaBootstrapServers());
            for (ImrService service : ImrService.values()) {
                int port = options.fixedPorts() ? service.defaultPort() : FreePort.orPick(0);
                system.services.put(service, ServiceProcess.start(service, service.runnableJar(options.repositoryRoot()),
                        port, system.configFor(service, options), options.serviceHeap(),
                        options.stack().dataDir().resolve("logs").resolve(service.serviceName() + ".log")));
            }
            // Started together, then awaited: the JVMs boot in parallel.
            for (ServiceProcess process : system.services.values()) {
                system.readyAfter.put(process.service(), process.awaitReady(READY_TIMEOUT));
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private Map<String, String> configFor(ImrService service, SystemOptions options) {
        Map<String, String> config = new HashMap<>(infrastructure.database(service.database()).quarkusConfig());
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        if (service == ImrService.ASSIGNMENT) {
            config.put("imrflow.assignment.demo-roster", Boolean.toString(options.demo()));
        }
        return config;
    }

    public String url(ImrService service) {
        return services.get(service).url();
    }

    public ServiceProcess process(ImrService service) {
        return services.get(service);
    }

    public Duration readyAfter(ImrService service) {
        return readyAfter.get(service);
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String describeInfrastructure() {
        return infrastructure.describe();
    }

    /** Services first, so none of them logs errors about a broker or database that went away under it. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
    }
}
