package org.imrflow.notification.application;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.notification.store.IssuedDocument;

/** Emails a document to one address: the letter as HTML and plain text, and its PDF attached. */
@ApplicationScoped
public class EmailCourier {
    private final ReactiveMailer mailer;
    private final DocumentStore store;

    EmailCourier(ReactiveMailer mailer, DocumentStore store) {
        this.mailer = mailer;
        this.store = store;
    }

    public Uni<Void> send(String to, IssuedDocument document) {
        return store.get(document.sha256).chain(pdf -> mailer.send(
                Mail.withHtml(to, document.kind.title() + " - IMR case " + document.caseNumber, document.html)
                        .setText(document.text)
                        .addAttachment(document.kind.pdfName(document.caseNumber), pdf, "application/pdf")));
    }
}
