package org.imrflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole of IMR Flow on one machine: Kafka and PostgreSQL, a mail server (GreenMail), Keycloak with the
 * {@code imrflow} realm, then the four services as separate JVMs, each ready on {@code /q/health/ready}. Behind the
 * README's run command, the chaos harness and the system tests.
 *
 * <p>With {@link SystemOptions#replicas()} above one, each service runs that many JVMs sharing its database and
 * consumer groups, and a {@link ServiceBalancer} on the service's own port spreads requests over them.
 *
 * <p>Every process it starts is written to the pid file in the data folder. A start first reads the previous run's
 * file and stops what that run left behind (a crash, a {@code kill -9} of the launcher), touching only processes that
 * are still exactly the ones recorded.
 */
public final class LocalSystem implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** The parts of the stack that run as processes of their own, in the order they start. */
    public enum Component {
        POSTGRES("postgres"), KAFKA("kafka"),
        INTAKE("intake-service"), ASSIGNMENT("assignment-service"), REVIEW("review-service"), NOTIFICATION("notification-service");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isService() {
            return service() != null;
        }

        public ImrService service() {
            return switch (this) {
                case INTAKE -> ImrService.INTAKE;
                case ASSIGNMENT -> ImrService.ASSIGNMENT;
                case REVIEW -> ImrService.REVIEW;
                case NOTIFICATION -> ImrService.NOTIFICATION;
                default -> null;
            };
        }
    }

    private record ServiceLaunch(Path jar, String host, int port, int managementPort, Map<String, String> config,
                                 Map<String, String> environment, String heap, Path log) {
    }

    private final PidFile pids;
    private final Infrastructure infrastructure;
    private volatile MailServer mail;
    private volatile KeycloakServer keycloak;
    private volatile IdentityTokens tokens;
    /** Each service's replicas, in order (replica 1 first); a restart replaces its entry. */
    private final Map<ImrService, List<ServiceProcess>> services = new EnumMap<>(ImrService.class);
    private final Map<ImrService, List<ServiceLaunch>> launches = new EnumMap<>(ImrService.class);
    private final Map<ImrService, ServiceBalancer> balancers = new EnumMap<>(ImrService.class);
    private volatile io.vertx.core.Vertx balancerVertx;
    private volatile LivenessWatch liveness;
    private final Map<ImrService, Duration> readyAfter = new EnumMap<>(ImrService.class);
    private final int replicas;
    private final String httpHost;
    private volatile List<String> topicsWithFewerPartitions = List.of();

    private LocalSystem(PidFile pids, Infrastructure infrastructure, int replicas, String httpHost) {
        this.pids = pids;
        this.infrastructure = infrastructure;
        this.replicas = replicas;
        this.httpHost = httpHost;
    }

    public static LocalSystem start(SystemOptions options) {
        return start(options, message -> { });
    }

    /**
     * Starts the system; {@code say} hears what a person should know on the way (what a previous run left behind).
     * Fails before starting anything if a port it needs is taken, naming what holds it.
     */
    public static LocalSystem start(SystemOptions options, Consumer<String> say) {
        PidFile pids = PidFile.in(options.stack().dataDir());
        recoverPreviousRun(pids, say);
        requireFreePorts(options);
        pids.record(PidFile.LAUNCHER, ProcessHandle.current().pid());
        LocalSystem system = new LocalSystem(pids, Infrastructure.start(options.stack(), pids::record), options.replicas(),
                options.httpHost());
        try {
            system.topicsWithFewerPartitions = ImrTopics.createMissing(system.infrastructure.kafkaBootstrapServers(),
                    options.partitions());
            // before the services: notification sends its documents there
            system.mail = MailServer.start(options.stack().dataDir(), options.stack().mailPort(), pids::record);
            // Ports first: Keycloak must know where the browser pages are, to send a signed-in browser back there.
            Map<ImrService, int[]> ports = new EnumMap<>(ImrService.class);
            for (ImrService service : ImrService.values()) {
                ports.put(service, new int[]{options.fixedPorts() ? service.defaultPort() : FreePort.orPick(0),
                        options.fixedPorts() ? service.defaultManagementPort() : FreePort.orPick(0)});
            }
            // the services with a browser page (the operations page, the reviewer's desk), where sign-in returns to
            List<String> pageOrigins = options.fixedPorts() ? List.of()
                    : java.util.stream.Stream.of(ImrService.NOTIFICATION, ImrService.REVIEW)
                    .flatMap(service -> java.util.stream.Stream.of("http://127.0.0.1:" + ports.get(service)[0],
                            "http://localhost:" + ports.get(service)[0]))
                    .toList();
            // before the services: they will check bearer tokens against its keys
            system.keycloak = KeycloakServer.start(options.stack().dataDir(), ImrflowRealm.file(options.repositoryRoot()),
                    options.stack().keycloakPort(), pageOrigins, pids::record);
            system.tokens = new IdentityTokens(system.keycloak.issuer());
            boolean balanced = options.replicas() > 1;
            for (ImrService service : ImrService.values()) {
                int[] servicePorts = ports.get(service);
                List<ServiceLaunch> replicaLaunches = new ArrayList<>();
                for (int replica = 1; replica <= options.replicas(); replica++) {
                    String instance = system.instanceName(service, replica);
                    Map<String, String> config = system.configFor(service, options, ports);
                    // names the replica in its Kafka client ids, so a consumer group shows which one holds which partitions
                    config.put("imrflow.instance", instance);
                    // behind a balancer the replicas listen on loopback, on ports of their own; replica 1 keeps the
                    // management port the README gives
                    replicaLaunches.add(new ServiceLaunch(service.runnableJar(options.repositoryRoot()),
                            balanced ? SystemOptions.LOOPBACK : options.httpHost(),
                            balanced ? FreePort.orPick(0) : servicePorts[0],
                            replica == 1 ? servicePorts[1] : FreePort.orPick(0), config,
                            system.environmentFor(service, options), options.serviceHeap(),
                            options.stack().dataDir().resolve("logs").resolve(instance + ".log")));
                }
                system.launches.put(service, replicaLaunches);
                system.services.put(service, new java.util.concurrent.CopyOnWriteArrayList<>(
                        java.util.Collections.nCopies(options.replicas(), null)));
                for (int replica = 0; replica < options.replicas(); replica++) {
                    system.launch(service, replica);
                }
            }
            if (balanced) {
                system.balancerVertx = io.vertx.core.Vertx.vertx();
                for (ImrService service : ImrService.values()) {
                    system.balancers.put(service, ServiceBalancer.start(system.balancerVertx, service.serviceName(),
                            options.httpHost(), ports.get(service)[0], () -> system.services.get(service).stream()
                                    .filter(ServiceProcess::isServing).map(ServiceProcess::port).toList()));
                }
            }
            // Started together, then awaited: the JVMs boot in parallel.
            for (Map.Entry<ImrService, List<ServiceProcess>> replicasOf : system.services.entrySet()) {
                Duration slowest = Duration.ZERO;
                for (ServiceProcess process : replicasOf.getValue()) {
                    Duration ready = process.awaitReady(READY_TIMEOUT);
                    slowest = ready.compareTo(slowest) > 0 ? ready : slowest;
                }
                system.readyAfter.put(replicasOf.getKey(), slowest);
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private static void recoverPreviousRun(PidFile pids, Consumer<String> say) {
        PidFile.Recovery recovery = pids.recover(STOP_GRACE);
        recovery.runningLauncher().ifPresent(launcher -> {
            throw new IllegalStateException("IMR Flow is already running from " + pids.path().getParent()
                    + " (launcher pid " + launcher.pid() + "). Stop it with Ctrl-C in its terminal, or kill "
                    + launcher.pid() + ", then start again.");
        });
        if (!recovery.stopped().isEmpty()) {
            say.accept("The previous run did not stop cleanly; stopped what it left running: " + recovery.stopped());
        }
        if (!recovery.foreign().isEmpty()) {
            say.accept("Left alone, because their pids now belong to other processes: " + recovery.foreign());
        }
    }

    /** Fixed ports only: free ones are picked by the stack itself. */
    private static void requireFreePorts(SystemOptions options) {
        List<PortCheck.Wanted> wanted = new ArrayList<>();
        StackOptions stack = options.stack();
        boolean embedded = !"containers".equals(System.getenv("IMRFLOW_INFRA"));
        if (embedded && stack.kafkaPort() > 0) {
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.kafkaPort(), "Kafka"));
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.kafkaPort() + 1, "the Kafka controller"));
        }
        String externalPostgres = System.getenv("IMRFLOW_POSTGRES_URL");
        if (embedded && stack.postgresPort() > 0 && (externalPostgres == null || externalPostgres.isBlank())) {
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.postgresPort(), "PostgreSQL"));
        }
        if (stack.keycloakPort() > 0) {
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.keycloakPort(), "Keycloak"));
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.keycloakPort() + 1, "Keycloak's management interface"));
        }
        if (stack.mailPort() > 0) {
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.mailPort(), "the mail server's SMTP"));
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.mailPort() + 1, "the mail server's IMAP"));
            wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, stack.mailPort() + 2, "the mail server's web page and API"));
        }
        if (options.fixedPorts()) {
            for (ImrService service : ImrService.values()) {
                wanted.add(new PortCheck.Wanted(options.httpHost(), service.defaultPort(), service.serviceName()));
                wanted.add(new PortCheck.Wanted(SystemOptions.LOOPBACK, service.defaultManagementPort(),
                        service.serviceName() + "'s management interface"));
            }
        }
        PortCheck.requireFree(wanted);
    }

    /** {@code intake-service} when it runs alone, {@code intake-service-2} for its second replica. */
    private String instanceName(ImrService service, int replica) {
        return replicas == 1 ? service.serviceName() : service.serviceName() + "-" + replica;
    }

    /** Starts replica {@code index} (0 for the first) of a service as it is configured. */
    private ServiceProcess launch(ImrService service, int index) {
        ServiceLaunch launch = launches.get(service).get(index);
        ServiceProcess process = ServiceProcess.start(service, instanceName(service, index + 1), launch.jar(), launch.host(),
                launch.port(), launch.managementPort(), launch.config(), launch.environment(), launch.heap(), launch.log());
        services.get(service).set(index, process);
        pids.record(process.instance(), process.pid());
        return process;
    }

    private Map<String, String> configFor(ImrService service, SystemOptions options, Map<ImrService, int[]> ports) {
        Map<String, String> config = new HashMap<>(infrastructure.database(service.database()).quarkusConfig());
        // the prod profile requires the password under this name (org.imrflow.http.ProductionSettings)
        config.put("imrflow.production.database-password", config.get("quarkus.datasource.password"));
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        // one document store for all: intake writes the medical records, review reads them
        config.put("imrflow.documents.directory", options.stack().dataDir().resolve("documents").toString());
        if (service == ImrService.ASSIGNMENT) {
            config.put("imrflow.assignment.demo-roster", Boolean.toString(options.demo()));
        }
        if (service == ImrService.NOTIFICATION) {
            // the only service that sends mail: the documents to the parties
            config.putAll(mail.quarkusMailerConfig());
            // webhook receivers on this machine (http://localhost) are fine locally; production refuses them
            config.put("imrflow.webhooks.allow-local", "true");
            String publicHost = options.httpHost().equals("0.0.0.0") ? "localhost" : options.httpHost();
            config.put("imrflow.notification.public-url", "http://" + publicHost + ":" + ports.get(service)[0]);
            // the operations page's spine cards and dead letters: where every service answers
            ports.forEach((other, otherPorts) -> {
                config.put("imrflow.spine.services." + other.serviceName() + ".api", "http://127.0.0.1:" + otherPorts[0]);
                config.put("imrflow.spine.services." + other.serviceName() + ".management", "http://127.0.0.1:" + otherPorts[1]);
            });
        }
        return config;
    }

    /**
     * What a service gets added to the launcher's environment: secrets (not on the command line, where any local user
     * could read them) and the OTLP endpoint, when the options name one.
     */
    private Map<String, String> environmentFor(ImrService service, SystemOptions options) {
        Map<String, String> environment = new HashMap<>();
        if (service == ImrService.NOTIFICATION || service == ImrService.REVIEW) {
            // the services with a browser page: the operations page and the reviewer's desk
            environment.put("IMRFLOW_WEB_CLIENT_SECRET", keycloak.webClientSecret());
        }
        if (options.otlpEndpoint() != null) {
            environment.put(SystemOptions.OTLP_ENDPOINT, options.otlpEndpoint());
        }
        return environment;
    }

    /** Where clients reach the service: its balancer when it has replicas. */
    public String url(ImrService service) {
        ServiceBalancer balancer = balancers.get(service);
        return balancer == null ? process(service).url() : ServiceProcess.url(httpHost, balancer.port());
    }

    /** Health, metrics and OpenAPI of a service (of its first replica). */
    public String managementUrl(ImrService service) {
        return process(service).managementUrl();
    }

    /** The service's process (its first replica). */
    public ServiceProcess process(ImrService service) {
        return services.get(service).get(0);
    }

    /** Every replica of the service, the first one first. */
    public List<ServiceProcess> replicas(ImrService service) {
        return List.copyOf(services.get(service));
    }

    /** How many instances of each service run. */
    public int replicaCount() {
        return replicas;
    }

    /** Topics that existed with fewer partitions than asked for (named with their count): they keep theirs. */
    public List<String> topicsWithFewerPartitions() {
        return topicsWithFewerPartitions;
    }

    public Duration readyAfter(ImrService service) {
        return readyAfter.get(service);
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** The OpenID Connect issuer of the stack's Keycloak, {@code http://127.0.0.1:<port>/realms/imrflow}. */
    public String issuer() {
        return keycloak.issuer();
    }

    /** Access tokens of the demo identities, from the stack's Keycloak. */
    public IdentityTokens tokens() {
        return tokens;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    /** The stack's mail server: every message the services send lands in its mailboxes. */
    public MailServer mail() {
        return mail;
    }

    public String describeInfrastructure() {
        return infrastructure.describe();
    }

    public PidFile pidFile() {
        return pids;
    }

    /** The OS process id of a component now (for PostgreSQL, the postmaster; for a service, its first replica). */
    public long pid(Component component) {
        return switch (component) {
            case POSTGRES -> embedded().postgres().postmasterPid()
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL has no postmaster.pid"));
            case KAFKA -> embedded().kafka().pid();
            default -> pid(component.service(), 0);
        };
    }

    /** The OS process id of one replica of a service ({@code index} 0 for the first). */
    public long pid(ImrService service, int index) {
        return services.get(service).get(index).pid();
    }

    /**
     * {@code kill -9} of a component's OS process (for PostgreSQL the postmaster, for a service its first replica), as a
     * crash would: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone.
     */
    public void kill(Component component) {
        switch (component) {
            case POSTGRES -> embedded().postgres().kill();
            case KAFKA -> embedded().kafka().kill();
            default -> kill(component.service(), 0);
        }
    }

    /** {@code kill -9} of one replica of a service ({@code index} 0 for the first); returns once it is gone. */
    public void kill(ImrService service, int index) {
        services.get(service).get(index).kill();
    }

    /** Stops every replica of a service as an operator would (SIGTERM: each leaves its consumer groups and finishes what it holds). */
    public void stop(ImrService service) {
        services.get(service).forEach(ServiceProcess::close);
    }

    /** Starts a killed component again, as it was configured (same ports, same data), and waits until it is ready. */
    public Duration restart(Component component) {
        long started = System.nanoTime();
        switch (component) {
            case POSTGRES -> embedded().postgres().restart();
            case KAFKA -> embedded().kafka().restart();
            default -> restart(component.service(), 0);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts a killed or stopped replica of a service again, as it was configured, and waits until it is ready. */
    public Duration restart(ImrService service, int index) {
        long started = System.nanoTime();
        ServiceProcess old = services.get(service).get(index);
        if (old.isAlive()) {
            throw new IllegalStateException(old.instance() + " is still running (pid " + old.pid() + ")");
        }
        launch(service, index).awaitReady(READY_TIMEOUT);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Restarts a service whose liveness is DOWN: {@code kill -9} if it still runs, then start it again as it was.
     * Checks every {@code every}; {@code strikes} DOWN answers in a row make a restart.
     */
    public void watchLiveness(Duration every, int strikes, Consumer<String> say) {
        Map<String, Runnable> restarts = new HashMap<>();
        List<LivenessWatch.Watched> watched = new ArrayList<>();
        services.forEach((service, replicasOf) -> {
            for (int index = 0; index < replicasOf.size(); index++) {
                int replica = index;
                ServiceProcess process = replicasOf.get(replica);
                watched.add(new LivenessWatch.Watched(process.instance(),
                        java.net.URI.create(process.managementUrl() + "/q/health/live")));
                restarts.put(process.instance(), () -> {
                    if (services.get(service).get(replica).isAlive()) {
                        kill(service, replica);
                    }
                    restart(service, replica);
                });
            }
        });
        LivenessWatch watch = new LivenessWatch(watched, strikes, name -> restarts.get(name).run(), say);
        watch.start(every);
        liveness = watch;
    }

    private EmbeddedInfrastructure embedded() {
        if (infrastructure instanceof EmbeddedInfrastructure embedded) {
            return embedded;
        }
        throw new IllegalStateException("Only the embedded Kafka and PostgreSQL can be killed and restarted, not "
                + infrastructure.describe());
    }

    /** Services first, so none of them logs errors about a broker, database, mail server or Keycloak that went away under it. */
    @Override
    public void close() {
        if (liveness != null) {
            liveness.close(); // first: a service stopping now is not one to bring back
        }
        List<ServiceProcess> running = services.values().stream().flatMap(List::stream)
                .filter(java.util.Objects::nonNull).toList();
        running.parallelStream().forEach(ServiceProcess::close);
        balancers.values().forEach(ServiceBalancer::close);
        if (balancerVertx != null) {
            balancerVertx.close();
        }
        // then what the services used, all at once: each may take its 20 s grace, and a test JVM's shutdown hook
        // is given little more before it is killed, which would leave the rest running
        List<Runnable> stops = new ArrayList<>();
        if (keycloak != null) {
            stops.add(keycloak::close);
        }
        if (mail != null) {
            stops.add(mail::close);
        }
        stops.add(infrastructure::close);
        List<Thread> stopping = stops.stream().map(Thread::new).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pids.delete();
    }
}
