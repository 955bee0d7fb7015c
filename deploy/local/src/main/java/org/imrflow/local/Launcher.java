package org.imrflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts IMR Flow on this machine, prints what a person needs, and stops everything on
 * Ctrl-C. Data stays in {@code .imr-flow/} between runs; {@code --fresh} starts from nothing.
 */
public final class Launcher {
    private static final int KAFKA_PORT = 9092;
    private static final int POSTGRES_PORT = 55432;

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Embedded PostgreSQL narrates every start at INFO; only problems belong on the console.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean fresh = false;
        boolean demo = true;
        Path root = Path.of("").toAbsolutePath();
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + arg);
                    usage();
                    System.exit(2);
                }
            }
        }
        Path dataDir = root.resolve(".imr-flow");
        System.out.printf("Starting IMR Flow from %s (data in %s%s)%n", root, dataDir, fresh ? ", fresh" : "");
        Instant started = Instant.now();
        LocalSystem system = LocalSystem.start(new SystemOptions(root,
                new StackOptions(dataDir, fresh, KAFKA_PORT, POSTGRES_PORT), true, demo, "256m"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping IMR Flow...");
            system.close();
            System.out.println("Stopped. Data kept in " + dataDir + " (start with --fresh to wipe it).");
            stopped.countDown();
        }, "imr-flow-stop"));

        System.out.printf("%nIMR Flow is up in %d s: %s%n%n", Duration.between(started, Instant.now()).toSeconds(),
                system.describeInfrastructure());
        System.out.printf("%-22s %-24s %-8s %-10s %-8s %s%n", "service", "url", "pid", "ready in", "RSS", "for");
        for (ImrService service : ImrService.values()) {
            ServiceProcess process = system.process(service);
            System.out.printf("%-22s %-24s %-8d %-10s %-8s %s%n", service.serviceName(), process.url(), process.pid(),
                    String.format("%.1f s", system.readyAfter(service).toMillis() / 1000.0),
                    process.residentMemoryMiB().map(mib -> mib + " MiB").orElse("?"), service.purpose());
        }
        System.out.println();
        System.out.println("Swagger UI:   <service url>/q/swagger-ui    OpenAPI: /q/openapi    Health: /q/health    Metrics: /q/metrics");
        System.out.println("Logs:         " + dataDir.resolve("logs"));
        System.out.println("Demo roster:  " + (demo ? "seeded (8 reviewers) if the roster was empty" : "off"));
        System.out.println("Try a case:   see README.md, \"Walk one case through\"");
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    private static void usage() {
        System.out.println("""
                Usage: ./run-local.sh [--fresh] [--no-demo]
                  --fresh     wipe .imr-flow/ (databases, Kafka logs, service logs) before starting
                  --no-demo   do not seed the demo reviewer roster
                Environment:
                  IMRFLOW_POSTGRES_URL=postgresql://user:password@host:port   use an existing PostgreSQL server
                  IMRFLOW_INFRA=embedded|containers|auto                      where Kafka and PostgreSQL come from""");
    }
}
