package org.imrflow.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus test resource every service's {@code @QuarkusTest} uses: real Kafka and PostgreSQL, a real SMTP server
 * (GreenMail, for a service that sends mail) and the stand-in OpenID Connect issuer, started once per test JVM and
 * shared by every test class in it.
 * Each service names its database with the {@code database} init arg.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    private static Infrastructure shared;
    private static TestTokenIssuer issuer;
    private static MailServer mail;

    private String database = "imrflow";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = sharedInfrastructure();
        Map<String, String> config = new HashMap<>(infrastructure.database(database).quarkusConfig());
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", tokenIssuer().issuer());
        if (sendsMail()) {
            config.putAll(mailServer().quarkusMailerConfig());
        }
        return config;
    }

    /** Only a service with Quarkus Mailer (notification) gets a mail server: the others' tests need not start one. */
    private static boolean sendsMail() {
        try {
            Class.forName("io.quarkus.mailer.Mailer", false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The JVM-wide token issuer the services under test trust, for tests to sign in with. */
    public static synchronized TestTokenIssuer tokenIssuer() {
        if (issuer == null) {
            issuer = TestTokenIssuer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "imrflow-test-issuer-stop"));
        }
        return issuer;
    }

    /**
     * The JVM-wide mail server the services under test send to, for tests to read what arrived
     * ({@link MailServer#messagesTo(String)}). Its mailboxes are shared by every test class: use addresses of the
     * test's own, or {@link MailServer#purge()}.
     */
    public static synchronized MailServer mailServer() {
        if (mail == null) {
            try {
                Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "imrflow-test-mail-");
                try {
                    mail = MailServer.start(dataDir, 0, ProcessRecorder.NONE);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The test mail server did not start; its log is in " + dataDir.resolve("logs"), e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    mail.close();
                    EmbeddedInfrastructure.deleteRecursively(dataDir);
                }, "imrflow-test-mail-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mail;
    }

    /** The JVM-wide stack, for tests that need to talk to Kafka or PostgreSQL directly. */
    public static synchronized Infrastructure sharedInfrastructure() {
        if (shared == null) {
            try {
                Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "imrflow-test-");
                try {
                    shared = Infrastructure.start(StackOptions.ephemeral(dataDir));
                    ImrTopics.createMissing(shared.kafkaBootstrapServers(), SystemOptions.DEFAULT_PARTITIONS);
                } catch (RuntimeException e) {
                    // keep the logs for whoever reads the failure; everything else goes
                    throw new IllegalStateException("The test stack did not start; logs in " + dataDir.resolve("logs"), e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.close();
                    EmbeddedInfrastructure.deleteRecursively(dataDir);
                }, "imrflow-test-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Nothing to do per test class: the stack lives as long as the test JVM. */
    @Override
    public void stop() {
    }
}
