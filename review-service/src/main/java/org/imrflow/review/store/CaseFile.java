package org.imrflow.review.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.ReviewType;
import org.imrflow.review.domain.RecordsReadiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What review knows of a case besides its assignment: the medical records, their deadline, the determination's due
 * date, a conversion to expedited, a withdrawal. Filled from intake's events, which come on several topics in no
 * order among them or with reviewer-assigned: so it is keyed by case number and stands apart from the review.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    /** The documents of every records upload, each once, in the order they came. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_document", joinColumns = @JoinColumn(name = "case_number"))
    @OrderColumn(name = "document_number")
    @ListIndexBase(1)
    public List<CaseDocumentRow> documents = new ArrayList<>();

    /** When the claims administrator said the records are complete: the determination's clock started. */
    @Column(name = "records_complete_at")
    public Instant recordsCompleteAt;

    @Column(name = "records_due_at")
    public Instant recordsDueAt;

    /** When the event that set {@link #recordsDueAt} happened. */
    @Column(name = "records_due_as_of")
    public Instant recordsDueAsOf;

    /** When the records deadline passed without complete records: the clock started without them. */
    @Column(name = "records_deadline_passed_at")
    public Instant recordsDeadlinePassedAt;

    @Column(name = "records_days_late", nullable = false)
    public int recordsDaysLate;

    @Column(name = "late_penalty_dollars", nullable = false)
    public int latePenaltyDollars;

    /** Null until the determination's clock starts. */
    @Column(name = "determination_due_date")
    public LocalDate determinationDueDate;

    /** When the event that set {@link #determinationDueDate} happened. */
    @Column(name = "determination_due_as_of")
    public Instant determinationDueAsOf;

    @Column(name = "converted_to_expedited_at")
    public Instant convertedToExpeditedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Version
    public long version;

    /**
     * The case's file, held for the rest of the transaction, or a new one: every change to a case file, and every
     * opening of a review, takes this first, so a withdrawal and an assignment on their two topics never miss each
     * other. Two new files of one case collide on the key, and the loser's consumer retries.
     */
    public static Uni<CaseFile> held(String caseNumber) {
        return CaseFile.<CaseFile>findById(caseNumber, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            CaseFile created = new CaseFile();
            created.caseNumber = caseNumber;
            return created.persist();
        });
    }

    /** The case files of these cases, by case number; a case without one is missing from the map. */
    public static Uni<Map<String, CaseFile>> of(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CaseFile.<CaseFile>list("caseNumber in ?1", caseNumbers)
                .map(files -> files.stream().collect(Collectors.toMap(file -> file.caseNumber, Function.identity())));
    }

    public RecordsReadiness readiness() {
        return new RecordsReadiness(recordsCompleteAt != null, recordsDeadlinePassedAt != null, recordsDueAt);
    }

    public static RecordsReadiness readinessOf(CaseFile file) {
        return file == null ? RecordsReadiness.NOTHING_YET : file.readiness();
    }

    /** Adds the documents not in the file yet: a completing event may name again those of an earlier upload. */
    public void addDocuments(List<DocumentReference> received) {
        received.stream()
                .filter(document -> documents.stream().noneMatch(known -> known.documentId.equals(document.documentId())))
                .map(CaseDocumentRow::of)
                .forEach(documents::add);
    }

    public Optional<CaseDocumentRow> document(String documentId) {
        return documents.stream().filter(document -> document.documentId.equals(documentId)).findFirst();
    }

    // The clocks' events come on three topics in no order among them: the one that happened last wins.

    public void recordsDue(Instant dueAt, Instant asOf) {
        if (dueAt != null && (recordsDueAsOf == null || asOf.isAfter(recordsDueAsOf))) {
            recordsDueAt = dueAt;
            recordsDueAsOf = asOf;
        }
    }

    public void determinationDue(LocalDate dueDate, Instant asOf) {
        if (dueDate != null && (determinationDueAsOf == null || asOf.isAfter(determinationDueAsOf))) {
            determinationDueDate = dueDate;
            determinationDueAsOf = asOf;
        }
    }

    /** The review type now: the assignment's, unless the case became expedited since. */
    public static ReviewType reviewType(CaseFile file, ReviewType assigned) {
        return file != null && file.convertedToExpeditedAt != null ? ReviewType.EXPEDITED : assigned;
    }
}
