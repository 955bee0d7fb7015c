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
    private final Map<ImrService, ServiceProcess> services = new EnumMap<>(ImrService.class);
    private final Map<ImrService, ServiceLaunch> launches = new EnumMap<>(ImrService.class);
    private volatile LivenessWatch liveness;
    private final Map<ImrService, Duration> readyAfter = new EnumMap<>(ImrService.class);

    private LocalSystem(PidFile pids, Infrastructure infrastructure) {
        this.pids = pids;
        this.infrastructure = infrastructure;
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
        LocalSystem system = new LocalSystem(pids, Infrastructure.start(options.stack(), pids::record));
        try {
            ImrTopics.createMissing(system.infrastructure.kafkaBootstrapServers());
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
            for (ImrService service : ImrService.values()) {
                int[] servicePorts = ports.get(service);
                ServiceLaunch launch = new ServiceLaunch(service.runnableJar(options.repositoryRoot()), options.httpHost(),
                        servicePorts[0], servicePorts[1], system.configFor(service, options, ports),
                        system.environmentFor(service, options), options.serviceHeap(),
                        options.stack().dataDir().resolve("logs").resolve(service.serviceName() + ".log"));
                system.launches.put(service, launch);
                system.launch(service);
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

    private ServiceProcess launch(ImrService service) {
        ServiceLaunch launch = launches.get(service);
        ServiceProcess process = ServiceProcess.start(service, launch.jar(), launch.host(), launch.port(),
                launch.managementPort(), launch.config(), launch.environment(), launch.heap(), launch.log());
        services.put(service, process);
        pids.record(service.serviceName(), process.pid());
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

    public String url(ImrService service) {
        return services.get(service).url();
    }

    /** Health, metrics and OpenAPI of a service. */
    public String managementUrl(ImrService service) {
        return services.get(service).managementUrl();
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

    /** The OS process id of a component now (for PostgreSQL, the postmaster). */
    public long pid(Component component) {
        return switch (component) {
            case POSTGRES -> embedded().postgres().postmasterPid()
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL has no postmaster.pid"));
            case KAFKA -> embedded().kafka().pid();
            default -> services.get(component.service()).pid();
        };
    }

    /**
     * {@code kill -9} of a component's OS process (for PostgreSQL the postmaster), as a crash would: no shutdown
     * hook runs, nothing is flushed or closed. Returns once the process is gone.
     */
    public void kill(Component component) {
        switch (component) {
            case POSTGRES -> embedded().postgres().kill();
            case KAFKA -> embedded().kafka().kill();
            default -> services.get(component.service()).kill();
        }
    }

    /** Stops a service as an operator would (SIGTERM: it leaves its consumer groups and finishes what it holds). */
    public void stop(ImrService service) {
        services.get(service).close();
    }

    /** Starts a killed component again, as it was configured (same ports, same data), and waits until it is ready. */
    public Duration restart(Component component) {
        long started = System.nanoTime();
        switch (component) {
            case POSTGRES -> embedded().postgres().restart();
            case KAFKA -> embedded().kafka().restart();
            default -> {
                ServiceProcess old = services.get(component.service());
                if (old.isAlive()) {
                    throw new IllegalStateException(component.label() + " is still running (pid " + old.pid() + ")");
                }
                launch(component.service()).awaitReady(READY_TIMEOUT);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Restarts a service whose liveness is DOWN: {@code kill -9} if it still runs, then start it again as it was.
     * Checks every {@code every}; {@code strikes} DOWN answers in a row make a restart.
     */
    public void watchLiveness(Duration every, int strikes, Consumer<String> say) {
        List<LivenessWatch.Watched> watched = services.keySet().stream()
                .map(service -> new LivenessWatch.Watched(service.serviceName(),
                        java.net.URI.create(managementUrl(service) + "/q/health/live")))
                .toList();
        LivenessWatch watch = new LivenessWatch(watched, strikes, name -> {
            Component component = java.util.Arrays.stream(Component.values())
                    .filter(c -> c.label().equals(name)).findFirst().orElseThrow();
            if (services.get(component.service()).isAlive()) {
                kill(component);
            }
            restart(component);
        }, say);
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
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ServiceProcess::close);
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
