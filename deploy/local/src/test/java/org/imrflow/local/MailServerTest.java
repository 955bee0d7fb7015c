package org.imrflow.local;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailServerTest {
    @TempDir
    static Path dataDir;
    private static final List<String> recorded = new ArrayList<>();
    private static MailServer mail;

    @BeforeAll
    static void start() {
        mail = MailServer.start(dataDir, 0, (name, pid) -> recorded.add(name + " " + pid));
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void aPdfSentOverSmtpIsReadBackWithItsNameTypeAndBytes() throws Exception {
        // every byte value, so a lossy transfer encoding or charset conversion would show
        byte[] pdf = new byte[1024 + 256];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        for (int i = header.length; i < pdf.length; i++) {
            pdf[i] = (byte) i;
        }

        send("notices@imrflow.test", "worker@example.org", "Final Determination CM26-0000001",
                "The determination is attached.", "CM26-0000001-final-determination.pdf", pdf);

        List<MailServer.ReceivedMail> received = mail.messagesTo("worker@example.org");
        assertEquals(1, received.size(), received.toString());
        MailServer.ReceivedMail message = received.get(0);
        assertEquals("notices@imrflow.test", message.from());
        assertEquals(List.of("worker@example.org"), message.to());
        assertEquals("Final Determination CM26-0000001", message.subject());
        assertEquals("The determination is attached.", message.text().strip());
        assertEquals(1, message.attachments().size());
        MailServer.Attachment attachment = message.attachments().get(0);
        assertEquals("CM26-0000001-final-determination.pdf", attachment.fileName());
        assertEquals("application/pdf", attachment.contentType());
        assertArrayEquals(pdf, attachment.content());
    }

    @Test
    void anAddressNothingWasSentToHasAnEmptyMailbox() {
        assertEquals(List.of(), mail.messagesTo("nobody@example.org"));
    }

    @Test
    void purgeEmptiesEveryMailbox() throws Exception {
        send("notices@imrflow.test", "adjuster@example.org", "Notice", "text", "notice.pdf", new byte[]{1, 2, 3});
        assertEquals(1, mail.messagesTo("adjuster@example.org").size());

        mail.purge();

        assertEquals(List.of(), mail.messagesTo("adjuster@example.org"));
    }

    @Test
    void aPersonReadsAMailboxOnThePrintedUrl() throws Exception {
        send("notices@imrflow.test", "physician@example.org", "Notice of assignment", "text", "notice.pdf", new byte[]{4});

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mail.messagesUrl("physician@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Notice of assignment"), response.body());
    }

    @Test
    void quarkusMailerSendsThereInPlainSmtp() {
        assertEquals(Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(mail.smtpPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false"), mail.quarkusMailerConfig());
    }

    @Test
    void itListensOnLoopbackIsRecordedAndLogsUnderTheDataFolder() {
        assertTrue(mail.apiUrl().startsWith("http://127.0.0.1:"), mail.apiUrl());
        assertEquals(List.of("mail " + mail.pid()), recorded);
        assertTrue(Files.isRegularFile(dataDir.resolve("logs").resolve("mail.log")));
    }

    private static void send(String from, String to, String subject, String text, String fileName, byte[] pdf) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(fileName);
        message.setContent(new MimeMultipart(body, attachment));
        Transport.send(message);
    }
}
