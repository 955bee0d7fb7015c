package org.imrflow.intake.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.annotations.SQLRestriction;
import jakarta.persistence.Table;
import org.imrflow.events.ReviewType;
import org.imrflow.http.ListFilter;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.events.NoticeMethod;
import org.imrflow.intake.domain.ScreeningFacts;
import org.imrflow.intake.domain.Signatory;
import org.imrflow.intake.domain.UrDecisionType;
import org.imrflow.intake.domain.UrServiceMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An IMR application as intake received and screened it. */
@Entity
@Table(name = "imr_case")
public class ImrCase extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_type", nullable = false)
    public ReviewType reviewType;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "claims_administrator_org", nullable = false)
    public String claimsAdministratorOrg;

    @Column(name = "claims_administrator_name", nullable = false)
    public String claimsAdministratorName;

    @Column(name = "employee_name", nullable = false)
    public String employeeName;

    @Column(name = "employee_represented", nullable = false)
    public boolean employeeRepresented;

    @Column(name = "representative_name")
    public String representativeName;

    @Column(name = "representative_firm")
    public String representativeFirm;

    @Column(name = "representative_firm_id")
    public String representativeFirmId;

    @Column(name = "employer_id")
    public String employerId;

    @Column(name = "requesting_physician_npi")
    public String requestingPhysicianNpi;

    @Column(name = "ur_organization_id")
    public String urOrganizationId;

    // Where each party's documents go (email) and what their first page prints (postal address); either may be null.
    @Column(name = "employee_email")
    public String employeeEmail;

    @Column(name = "employee_address")
    public String employeeAddress;

    @Column(name = "representative_email")
    public String representativeEmail;

    @Column(name = "representative_address")
    public String representativeAddress;

    @Column(name = "employer_email")
    public String employerEmail;

    @Column(name = "employer_address")
    public String employerAddress;

    @Column(name = "claims_administrator_email")
    public String claimsAdministratorEmail;

    @Column(name = "claims_administrator_address")
    public String claimsAdministratorAddress;

    @Column(name = "requesting_physician_email")
    public String requestingPhysicianEmail;

    @Column(name = "requesting_physician_address")
    public String requestingPhysicianAddress;

    @Column(name = "claim_number", nullable = false)
    public String claimNumber;

    @Column(name = "date_of_injury", nullable = false)
    public LocalDate dateOfInjury;

    @Column(nullable = false)
    public String employer;

    @Column(name = "requesting_physician", nullable = false)
    public String requestingPhysician;

    @Column(name = "requesting_physician_specialty", nullable = false)
    public String requestingPhysicianSpecialty;

    @Column(name = "ur_decision_date", nullable = false)
    public LocalDate urDecisionDate;

    @Column(name = "ur_decision_served_date", nullable = false)
    public LocalDate urDecisionServedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "ur_decision_type", nullable = false)
    public UrDecisionType urDecisionType;

    @Column(name = "ur_guideline_based_on_mtus", nullable = false)
    public boolean urGuidelineBasedOnMtus;

    @Column(name = "ur_guideline_citation", nullable = false)
    public String urGuidelineCitation;

    @Column(name = "application_signed_date")
    public LocalDate applicationSignedDate;

    @Column(name = "liability_disputed", nullable = false)
    public boolean liabilityDisputed;

    @Column(name = "application_received_date", nullable = false)
    public LocalDate applicationReceivedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "ur_service_method", nullable = false)
    public UrServiceMethod urServiceMethod;

    @Column(name = "ur_decision_attached", nullable = false)
    public boolean urDecisionAttached;

    @Enumerated(EnumType.STRING)
    @Column(name = "application_signed_by")
    public Signatory applicationSignedBy;

    @Column(name = "formulary_dispute", nullable = false)
    public boolean formularyDispute;

    @Column(name = "requesting_physician_group_id")
    public String requestingPhysicianGroupId;

    @Column(name = "eligible_despite_liability", nullable = false)
    public boolean eligibleDespiteLiability;

    /** How notices reach this claims administrator: the records deadline depends on it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notice_method", nullable = false)
    public NoticeMethod noticeMethod;

    @Column(name = "notice_due_at")
    public Instant noticeDueAt;

    @Column(name = "notice_sent_at")
    public Instant noticeSentAt;

    @Column(name = "records_due_at")
    public Instant recordsDueAt;

    @Column(name = "records_completed_at")
    public Instant recordsCompletedAt;

    @Column(name = "records_deadline_passed_at")
    public Instant recordsDeadlinePassedAt;

    @Column(name = "records_days_late", nullable = false)
    public int recordsDaysLate;

    @Column(name = "records_penalty_dollars", nullable = false)
    public int recordsPenaltyDollars;

    /** When the determination's clock started: records complete, or their deadline passed without them. */
    @Column(name = "clock_started_at")
    public Instant clockStartedAt;

    @Column(name = "determination_due_date")
    public LocalDate determinationDueDate;

    @Column(name = "determination_at_risk_at")
    public Instant determinationAtRiskAt;

    @Column(name = "determination_overdue_at")
    public Instant determinationOverdueAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "converted_to_expedited_at")
    public Instant convertedToExpeditedAt;

    @Column(name = "certification_received_date")
    public LocalDate certificationReceivedDate;

    /** When the claims administrator said a deferred case's liability dispute was resolved, and how. */
    @Column(name = "liability_resolved_at")
    public Instant liabilityResolvedAt;

    @Column(name = "liability_resolved_date")
    public LocalDate liabilityResolvedDate;

    @Column(name = "liability_accepted")
    public Boolean liabilityAccepted;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "treatment_authorized_date")
    public LocalDate treatmentAuthorizedDate;

    @Column(name = "letter_issued_at")
    public Instant letterIssuedAt;

    /** Guards every write: the two progress consumers and the API may change a case at once. */
    @Version
    public long version;

    /** What makes two applications the same (see {@code ApplicationFingerprint}); unique among eligible cases. */
    @Column(name = "application_fingerprint")
    public String applicationFingerprint;

    /** The screen's reasons, in its order; empty when eligible. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_reason", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "reason_number")
    @ListIndexBase(1)
    @Column(name = "reason", nullable = false)
    public List<String> screeningReasons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "disputed_item", joinColumns = @JoinColumn(name = "case_id"))
    @OrderBy("itemNumber")
    public List<DisputedItemRow> disputedItems = new ArrayList<>();

    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("uploadedAt, documentId")
    public Set<CaseDocument> documents = new LinkedHashSet<>();

    /** Its events that a service dead-lettered and nobody has replayed yet: while there is one, the case is stuck. */
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @SQLRestriction("replayed_at is null")
    @OrderBy("id")
    public Set<StuckEvent> stuckEvents = new LinkedHashSet<>();

    /** A case with an event not replayed, in HQL, for the list's {@code ?stuck=} */
    private static final String STUCK = "id in (select s.caseId from StuckEvent s where s.replayedAt is null)";

    public static Uni<ImrCase> findByFingerprint(String fingerprint) {
        return find("applicationFingerprint = ?1 and status <> ?2", fingerprint, CaseStatus.INELIGIBLE).firstResult();
    }

    /**
     * The treatments earlier cases of the same claim took to IMR: cases in review or decided. Ineligible cases never
     * got to IMR, and withdrawn ones ended without a decision.
     */
    public static Uni<List<ScreeningFacts.EarlierReview>> earlierReviews(String claimsAdministratorOrg, String claimNumber) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select c.caseNumber, i.description from ImrCase c join c.disputedItems i"
                                + " where c.claimsAdministratorOrg = :org and c.claimNumber = :claim and c.status in (:reviewed)",
                        Object[].class)
                .setParameter("org", claimsAdministratorOrg)
                .setParameter("claim", claimNumber)
                .setParameter("reviewed", List.of(CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.DETERMINATION_ISSUED))
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new ScreeningFacts.EarlierReview((String) row[0], (String) row[1]))
                        .toList());
    }

    public static Uni<ImrCase> findByCaseNumber(String caseNumber) {
        return find("caseNumber", caseNumber).firstResult();
    }

    /** @param claimsAdministratorOrg only this organization's cases; every case when null */
    public static PanacheQuery<ImrCase> listed(String claimsAdministratorOrg, CaseStatus status, Boolean stuck) {
        ListFilter filter = new ListFilter().eq("claimsAdministratorOrg", claimsAdministratorOrg).eq("status", status)
                .holds(stuck, STUCK);
        return find(filter.query(), Sort.descending("id"), filter.parameters());
    }

    /** The next running number for case numbers; taken in the registering transaction. */
    public static Uni<Long> nextCaseSequence() {
        return getSession().chain(session -> session
                .createNativeQuery("select nextval('imr_case_number_seq')", Long.class)
                .getSingleResult());
    }
}
