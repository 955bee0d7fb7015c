package org.imrflow.local;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A real SMTP server for the stack: GreenMail standalone ({@code com.icegreen:greenmail-standalone}), the runnable jar
 * the build copied into {@code target/greenmail}, as its own JVM. SMTP, IMAP and GreenMail's REST API (with a Swagger UI
 * page) listen on loopback. Authentication is off: every recipient gets a mailbox, opened over IMAP with the address
 * as user and any password. Mail is kept in memory only, so a restart empties every mailbox.
 */
public final class MailServer implements AutoCloseable {
    private static final String JAR_RESOURCE = "/imrflow/greenmail.properties";
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A message as it arrived: addresses without display names, the text body, the attachments decoded. */
    public record ReceivedMail(String from, List<String> to, String subject, String text, List<Attachment> attachments) {
    }

    /** An attached file: its name, its MIME type without parameters (e.g. {@code application/pdf}) and its bytes. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final ChildProcess process;
    private Duration readyAfter;

    private MailServer(int smtpPort, int imapPort, int apiPort, ChildProcess process) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /**
     * Starts GreenMail with SMTP on {@code requestedPort} (0 picks a free one), IMAP and the REST API on the next two
     * ports up (or other free ones), and waits until the API says it is ready.
     */
    static MailServer start(Path dataDir, int requestedPort, ProcessRecorder recorder) {
        int smtpPort = FreePort.orPick(requestedPort);
        int imapPort = requestedPort > 0 ? requestedPort + 1 : FreePort.orPick(0);
        int apiPort = requestedPort > 0 ? requestedPort + 2 : FreePort.orPick(0);
        // it keeps every message in memory: a chaos run's thousands of letters, each with its PDF, need room
        List<String> command = List.of("-Xms32m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dgreenmail.smtp.hostname=" + HOST, "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=" + HOST, "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=" + HOST, "-Dgreenmail.api.port=" + apiPort,
                // any recipient gets a mailbox, any password opens it
                "-Dgreenmail.auth.disabled",
                // the default (2 s per server) is too short on a busy 2-core machine
                "-Dgreenmail.startup.timeout=30000",
                "-jar", jar().toString());
        Instant started = Instant.now();
        ChildProcess process = ChildProcess.startJava("mail", command, dataDir.resolve("logs").resolve("mail.log"));
        MailServer server = new MailServer(smtpPort, imapPort, apiPort, process);
        try {
            recorder.started("mail", process.pid());
            server.awaitReady(started);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Waits until {@code /api/service/readiness} answers 200, which GreenMail does once SMTP and IMAP listen. */
    private void awaitReady(Instant started) {
        URI readiness = URI.create(apiUrl() + "/api/service/readiness");
        Instant deadline = started.plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("GreenMail exited during start-up; see " + process.log()
                        + System.lineSeparator() + process.logTail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyAfter = Duration.between(started, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("GreenMail was not ready within " + READY_TIMEOUT.toSeconds() + " s ("
                + readiness + " did not answer 200); see " + process.log());
    }

    public String smtpHost() {
        return HOST;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** GreenMail's REST API; the page at this address (Swagger UI) lists a mailbox's messages in a browser. */
    public String apiUrl() {
        return "http://" + HOST + ":" + apiPort;
    }

    /** Where a person reads one address's mail: its messages as JSON, each with its whole MIME text. */
    public String messagesUrl(String address) {
        return apiUrl() + "/api/user/" + address + "/messages/";
    }

    /** How a Quarkus Mailer reaches this server: plain SMTP, no STARTTLS, no login, real sending (not the mock). */
    public Map<String, String> quarkusMailerConfig() {
        return Map.of(
                "quarkus.mailer.host", HOST,
                "quarkus.mailer.port", Integer.toString(smtpPort),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }

    /** Every message in {@code address}'s inbox, oldest first; none if nothing was sent there yet. Read over IMAP. */
    public List<ReceivedMail> messagesTo(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", HOST);
        properties.put("mail.imap.port", Integer.toString(imapPort));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        // a Session of its own: the JVM-wide default one would keep the first caller's properties
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            // with authentication off the password is not checked, and an unknown address gets an empty mailbox
            store.connect(HOST, imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> received = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    received.add(read(message));
                }
                return received;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the mailbox of " + address + " over IMAP on " + HOST + ":" + imapPort, e);
        }
    }

    private static ReceivedMail read(Message message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        Body body = new Body();
        collect(message, body);
        return new ReceivedMail(from == null || from.length == 0 ? null : address(from[0]),
                to == null ? List.of() : Arrays.stream(to).map(MailServer::address).toList(),
                message.getSubject(), body.text(), List.copyOf(body.attachments));
    }

    /** What the walk over a message's parts finds. */
    private static final class Body {
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();

        /** The first plain-text part; the first HTML part if there is none; otherwise empty. */
        String text() {
            return plain != null ? plain : html != null ? html : "";
        }
    }

    /** Walks the MIME tree: a part with a file name (or marked as attachment) is an attachment, other text parts the body. */
    private static void collect(Part part, Body body) throws MessagingException, IOException {
        if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            try (InputStream in = part.getInputStream()) {
                body.attachments.add(new Attachment(part.getFileName(), type, in.readAllBytes()));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body);
            }
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = (String) part.getContent();
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = (String) part.getContent();
        }
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    /** Empties every mailbox (GreenMail's {@code POST /api/mail/purge}). */
    public void purge() {
        URI purge = URI.create(apiUrl() + "/api/mail/purge");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(purge).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            // a failed purge is answered 200 too, with "Can not purge mails" as its message
            if (response.statusCode() != 200 || !response.body().contains("Purged")) {
                throw new IllegalStateException("GreenMail did not purge its mailboxes: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + purge, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return process.log();
    }

    Duration readyAfter() {
        return readyAfter;
    }

    Optional<Long> residentMemoryMiB() {
        return ChildProcess.residentMemoryMiB(pid());
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling another process's HTTP endpoint; nothing to await on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the build copied GreenMail, as it recorded in {@code imrflow/greenmail.properties}. */
    private static Path jar() {
        Properties properties = new Properties();
        try (InputStream in = MailServer.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + JAR_RESOURCE + ": build deploy/local with Maven first");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = Path.of(properties.getProperty("greenmail.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("GreenMail is not in " + jar + ": build with ./mvnw -DskipTests package");
        }
        return jar;
    }

    @Override
    public void close() {
        process.close();
    }
}
