package org.imrflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./run-local.sh}: starts IMR Flow on this machine, prints what a person needs, and stops everything on
 * Ctrl-C. Data stays in {@code .imr-flow/} between runs; {@code --fresh} starts from nothing.
 */
public final class Launcher {
    private static final int KAFKA_PORT = 9092;
    private static final int POSTGRES_PORT = 55432;
    private static final int KEYCLOAK_PORT = 8180;
    /** GreenMail's SMTP; IMAP on 3026, its web page and API on 3027. */
    private static final int MAIL_PORT = 3025;

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        if (args.length > 0 && args[0].equals("chaos")) {
            org.imrflow.local.chaos.ChaosCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("load")) {
            org.imrflow.local.load.LoadCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean fresh = false;
        boolean demo = true;
        int replicas = 1;
        int partitions = SystemOptions.DEFAULT_PARTITIONS;
        String host = System.getenv().getOrDefault("IMRFLOW_HTTP_HOST", SystemOptions.LOOPBACK);
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--host" -> {
                    if (i + 1 >= args.length) {
                        fail("--host needs an address, e.g. --host 0.0.0.0");
                    }
                    host = args[++i];
                }
                case "--replicas" -> replicas = positive(args, ++i, "--replicas");
                case "--partitions" -> partitions = positive(args, ++i, "--partitions");
                case "--help", "-h" -> {
                    System.out.print(usage("usage-run-local.txt"));
                    return;
                }
                default -> fail("Unknown option " + args[i]);
            }
        }
        Path dataDir = root.resolve(".imr-flow");
        System.out.printf("Starting IMR Flow from %s (data in %s%s)%n", root, dataDir, fresh ? ", fresh" : "");
        Instant started = Instant.now();
        AtomicReference<LocalSystem> up = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalSystem running = up.get();
            if (running == null) {
                // Ctrl-C (or a failure) while starting: stop whatever the pid file says was started so far
                PidFile.in(dataDir).recover(Duration.ofSeconds(20));
            } else {
                System.out.println("\nStopping IMR Flow...");
                running.close();
                System.out.println("Stopped. Data kept in " + dataDir + " (start with --fresh to wipe it).");
            }
            stopped.countDown();
        }, "imr-flow-stop"));
        LocalSystem system;
        try {
            system = LocalSystem.start(new SystemOptions(root,
                    new StackOptions(dataDir, fresh, KAFKA_PORT, POSTGRES_PORT, KEYCLOAK_PORT, MAIL_PORT), true, demo, "256m", host)
                    .withReplicas(replicas).withPartitions(partitions), System.out::println);
        } catch (IllegalStateException e) {
            System.err.println(System.lineSeparator() + "IMR Flow did not start:" + System.lineSeparator() + e.getMessage());
            System.exit(1);
            return;
        }
        up.set(system);
        // As Kubernetes would: a service whose liveness stays DOWN (a consumer channel that failed for good) is restarted.
        system.watchLiveness(Duration.ofSeconds(10), 3, line -> System.out.println("[liveness] " + line));

        System.out.printf("%nIMR Flow is up in %d s: %s%n%n", Duration.between(started, Instant.now()).toSeconds(),
                system.describeInfrastructure());
        System.out.printf("%-22s %-24s %-8s %-10s %-8s %s%n", "service", "url", "pid", "ready in", "RSS", "for");
        for (ImrService service : ImrService.values()) {
            if (replicas == 1) {
                ServiceProcess process = system.process(service);
                System.out.printf("%-22s %-24s %-8d %-10s %-8s %s%n", service.serviceName(), process.url(), process.pid(),
                        String.format("%.1f s", system.readyAfter(service).toMillis() / 1000.0),
                        process.residentMemoryMiB().map(mib -> mib + " MiB").orElse("?"), service.purpose());
                continue;
            }
            System.out.printf("%-22s %-24s %-8s %-10s %-8s %s%n", service.serviceName(), system.url(service), "",
                    String.format("%.1f s", system.readyAfter(service).toMillis() / 1000.0), "",
                    service.purpose() + " (load balancer over " + replicas + " replicas)");
            for (ServiceProcess process : system.replicas(service)) {
                System.out.printf("  %-20s %-24s %-8d %-10s %-8s management %s%n", process.instance(), process.url(),
                        process.pid(), "", process.residentMemoryMiB().map(mib -> mib + " MiB").orElse("?"),
                        process.managementUrl());
            }
        }
        if (!system.topicsWithFewerPartitions().isEmpty()) {
            System.out.printf("%nNote: these topics exist with fewer than %d partitions and keep them (start with --fresh to"
                    + " recreate them): %s%n", partitions, String.join(", ", system.topicsWithFewerPartitions()));
        }
        KeycloakServer keycloak = system.keycloak();
        System.out.printf("%-22s %-24s %-8d %-10s %-8s %s%n", "keycloak", keycloak.url(), keycloak.pid(),
                String.format("%.1f s", keycloak.readyAfter().toMillis() / 1000.0),
                keycloak.residentMemoryMiB().map(mib -> mib + " MiB").orElse("?"),
                "OpenID Connect provider, issuer " + keycloak.issuer());
        MailServer mail = system.mail();
        System.out.printf("%-22s %-24s %-8d %-10s %-8s %s%n", "mail", mail.apiUrl(), mail.pid(),
                String.format("%.1f s", mail.readyAfter().toMillis() / 1000.0),
                mail.residentMemoryMiB().map(mib -> mib + " MiB").orElse("?"),
                "GreenMail: SMTP " + mail.smtpHost() + ":" + mail.smtpPort() + " for notification-service");
        System.out.println();
        System.out.println("Management:   http://127.0.0.1:<API port + 1000> (9081-9084" + (replicas > 1 ? ", the first replica's" : "")
                + "): /q/health, /q/metrics, /q/openapi, /q/swagger-ui");
        System.out.println("Topics:       " + ImrTopics.ALL.size() + " imr.* topics, " + partitions + " partitions each when created");
        System.out.println("Logs:         " + dataDir.resolve("logs"));
        System.out.println("Pids:         " + system.pidFile().path() + " (a crashed run's processes are stopped at the next start)");
        System.out.println("Demo roster:  " + (demo ? "seeded (12 reviewers) if the roster was empty" : "off"));
        String otlpEndpoint = System.getenv(SystemOptions.OTLP_ENDPOINT);
        System.out.println("Traces:       " + (otlpEndpoint == null || otlpEndpoint.isBlank()
                ? "off (set " + SystemOptions.OTLP_ENDPOINT + " to an OTLP/HTTP collector, see docs/tracing.md)"
                : "exported to " + otlpEndpoint.strip() + " (" + SystemOptions.OTLP_ENDPOINT + ")"));
        System.out.println("Keycloak:     admin console " + keycloak.adminConsole() + " (user " + KeycloakServer.ADMIN
                + ", password in " + keycloak.adminPasswordFile() + ")");
        System.out.println("Mail:         every message sent, in memory until Ctrl-C: " + mail.messagesUrl("<address>")
                + " (or the page " + mail.apiUrl() + "/), or IMAP " + mail.smtpHost() + ":" + mail.imapPort()
                + " with the address as user and any password");
        System.out.println("Identities:   the password is the username (demo only); ./run-local.sh token <identity> prints a token");
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        for (ImrflowRealm.DemoIdentity identity : ImrflowRealm.demoIdentities(ImrflowRealm.file(root))) {
            byRole.computeIfAbsent(identity.describe(), role -> new ArrayList<>()).add(identity.username());
        }
        byRole.forEach((role, usernames) -> System.out.printf("              %-30s %s%n", role, String.join(", ", usernames)));
        System.out.println("A token:      curl -H \"Authorization: Bearer $(./run-local.sh token claims-admin-acme)\" "
                + system.url(ImrService.INTAKE) + "/api/cases");
        System.out.println("Try a case:   see README.md, \"Walk one case through\"");
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    /** Embedded PostgreSQL narrates every start at INFO; only problems belong on the console. */
    public static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // a restart after kill -9 asks pg_ctl to stop a server that is already gone; that is expected, not an error
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
    }

    /** The usage text; the same file answers ./run-local.sh --help without a build. */
    public static String usage(String resource) {
        try (java.io.InputStream in = Launcher.class.getResourceAsStream("/imrflow/" + resource)) {
            return in == null ? "(no " + resource + ")" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int positive(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a number, e.g. " + option + " 2");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // told below
        }
        fail(option + " must be a whole number of at least 1, not " + args[index]);
        return 0;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.print(usage("usage-run-local.txt"));
        System.exit(2);
    }
}
