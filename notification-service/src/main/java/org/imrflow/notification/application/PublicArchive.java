package org.imrflow.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.letters.DocumentRenderer;
import org.imrflow.letters.RenderedDocument;
import org.imrflow.notification.domain.Deidentifier;
import org.imrflow.notification.domain.IdentifyingFields;
import org.imrflow.notification.domain.IdentityLeakDetector;
import org.imrflow.notification.store.ArchiveEntry;
import org.imrflow.notification.store.ArchiveHold;
import org.imrflow.notification.store.ArchiveItem;
import org.imrflow.notification.store.CaseFile;
import org.imrflow.notification.store.StoredJson;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes each Final Determination, de-identified, in the public archive. The copy replaces every identifying value
 * of the case's parties; then the leak detector reads every published text, and any value it still finds, in any
 * case or spacing, holds the copy back and alerts operations (a hold row, a WARN and a counter), never publishing it.
 * Only Final Determinations get here: ineligible and withdrawn cases have none.
 */
@ApplicationScoped
public class PublicArchive {
    private static final Logger LOG = Logger.getLogger(PublicArchive.class);
    private static final String REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int REFERENCE_LENGTH = 10;

    private final DocumentRenderer renderer;
    private final DocumentStore store;
    private final StoredJson json;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PublicArchive(DocumentRenderer renderer, DocumentStore store, StoredJson json, MeterRegistry metrics, Vertx vertx,
                  Clock clock) {
        this.renderer = renderer;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Call in the transaction that issued the case's Final Determination, once the case as received is known. */
    public Uni<Void> publish(CaseFile file, DecisionRecorded decision, LocalDate determinedOn) {
        CaseReceived received = json.read(file.caseReceived, CaseReceived.class);
        IdentifyingFields fields = IdentifyingFields.of(received);
        DecisionRecorded scrubbed = new Deidentifier(fields).scrub(decision);
        String reference = newReference();
        return vertx.executeBlocking(Uni.createFrom().item(() ->
                        renderer.publicFinalDetermination(reference, determinedOn, scrubbed)))
                .chain(copy -> {
                    String searchable = searchable(scrubbed);
                    IdentityLeakDetector detector = new IdentityLeakDetector(fields);
                    List<String> leaks = Stream.of(copy.text(), copy.html(), searchable)
                            .flatMap(text -> detector.findLeaks(text).stream())
                            .map(leak -> leak.kind().name())
                            .distinct().sorted().toList();
                    if (!leaks.isEmpty()) {
                        return hold(file.caseNumber, leaks);
                    }
                    return store(file.caseNumber, reference, determinedOn, received, scrubbed, copy, searchable);
                });
    }

    private Uni<Void> store(String caseNumber, String reference, LocalDate determinedOn, CaseReceived received,
                            DecisionRecorded scrubbed, RenderedDocument copy, String searchable) {
        return store.put(copy.pdf()).chain(sha256 -> {
            ArchiveEntry entry = new ArchiveEntry();
            entry.reference = reference;
            entry.caseNumber = caseNumber;
            entry.determinedOn = determinedOn;
            entry.yearOfInjury = received.dateOfInjury() == null ? null : received.dateOfInjury().getYear();
            entry.reviewerSpecialty = scrubbed.qualifications().boardCertification();
            entry.text = copy.text();
            entry.html = copy.html();
            entry.sha256 = sha256;
            entry.searchable = searchable;
            return entry.persist();
        }).chain(() -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (DecisionRecorded.ItemDecision decided : scrubbed.decisions()) {
                ArchiveItem item = new ArchiveItem();
                item.reference = reference;
                item.itemNumber = decided.itemNumber();
                item.description = decided.description();
                item.category = decided.category();
                item.outcome = decided.outcome();
                item.evidenceLevel = decided.reviewerGuideline().evidenceLevel();
                all = all.chain(() -> item.persist()).replaceWithVoid();
            }
            return all;
        }).invoke(() -> {
            metrics.counter("imrflow.archive.publications", "result", "published").increment();
            LOG.infof("Case %s: Final Determination published in the public archive as %s", caseNumber, reference);
        });
    }

    private Uni<Void> hold(String caseNumber, List<String> leakedKinds) {
        metrics.counter("imrflow.archive.publications", "result", "held").increment();
        LOG.warnf("Case %s: its public copy was NOT published: the leak detector found %s. Operations: correct the"
                + " determination's text, see GET /api/operations/archive-holds", caseNumber, leakedKinds);
        ArchiveHold hold = new ArchiveHold();
        hold.caseNumber = caseNumber;
        hold.heldAt = clock.instant();
        hold.leakedKinds = String.join(",", leakedKinds);
        return ArchiveHold.<ArchiveHold>findById(caseNumber)
                .chain(existing -> existing == null ? hold.persist().replaceWithVoid() : Uni.createFrom().voidItem());
    }

    /** What the public searches: each treatment and its rationale. */
    private static String searchable(DecisionRecorded scrubbed) {
        return scrubbed.decisions().stream()
                .map(item -> item.description() + "\n" + item.rationale())
                .collect(Collectors.joining("\n\n"));
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("PD-");
        for (int i = 0; i < REFERENCE_LENGTH; i++) {
            reference.append(REFERENCE_LETTERS.charAt(random.nextInt(REFERENCE_LETTERS.length())));
        }
        return reference.toString();
    }
}
