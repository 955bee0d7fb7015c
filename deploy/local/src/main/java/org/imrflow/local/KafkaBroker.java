package org.imrflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one node), run as its own JVM from the
 * {@code org.apache.kafka:kafka_2.13} artifacts recorded at build time.
 */
final class KafkaBroker implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "/imrflow/local-stack.classpath";

    private final int port;
    private final int controllerPort;
    private final List<String> command;
    private final Path log;
    private final ProcessRecorder recorder;
    private volatile ChildProcess process;

    private KafkaBroker(int port, int controllerPort, List<String> command, Path log, ProcessRecorder recorder) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.command = command;
        this.log = log;
        this.recorder = recorder;
    }

    static KafkaBroker start(Path dataDir, int requestedPort, ProcessRecorder recorder) {
        int port = FreePort.orPick(requestedPort);
        int controllerPort = requestedPort > 0 ? requestedPort + 1 : FreePort.orPick(0);
        Path kafkaDir = dataDir.resolve("kafka");
        Path logDirs = kafkaDir.resolve("data");
        Path config = kafkaDir.resolve("server.properties");
        Path log = dataDir.resolve("logs").resolve("kafka.log");
        try {
            Files.createDirectories(logDirs);
            Files.writeString(config, serverProperties(port, controllerPort, logDirs));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kafka configuration in " + kafkaDir, e);
        }
        String classpath = brokerClasspath();
        List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath);
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess.runJava("kafka-storage-format",
                    concat(jvm, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                            "--cluster-id=" + newClusterId(), "--config=" + config),
                    log, 120);
        }
        KafkaBroker broker = new KafkaBroker(port, controllerPort, concat(jvm, "kafka.Kafka", config.toString()), log, recorder);
        broker.launch();
        return broker;
    }

    /** Starts the broker JVM on the same ports, configuration and data, and waits until it listens. */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    /** {@code kill -9} of the broker JVM; returns once it is gone. */
    void kill() {
        process.kill();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void launch() {
        process = ChildProcess.startJava("kafka", command, log);
        recorder.started("kafka", process.pid());
        awaitListening(Duration.ofSeconds(90));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    int controllerPort() {
        return controllerPort;
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start-up; see " + process.log()
                        + System.lineSeparator() + process.logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within " + timeout + "; see " + process.log());
    }

    private static void pause() {
        try {
            Thread.sleep(200); // polling a socket that is not open yet; there is nothing to await on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=" + SystemOptions.DEFAULT_PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /** The Kafka cluster id format: a random UUID, base64url without padding. */
    private static String newClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_RESOURCE + ": build deploy/local with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
