package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.imrflow.notification.domain.CaseStage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A case's furthest stage, as the operations view has seen it on the stream. */
@Entity
@Table(name = "operations_case")
public class CaseProgress extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStage stage;

    @Column(name = "first_event_at", nullable = false)
    public Instant firstEventAt;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    /** Events of one case are consumed from several topics at once. */
    @Version
    public long version;

    /** How many cases stand at each stage now; every stage is present, with 0 if none. */
    public static Uni<Map<CaseStage, Long>> countsByStage() {
        return getSession().chain(session -> session
                .createSelectionQuery("select p.stage, count(p) from CaseProgress p group by p.stage", Object[].class)
                .getResultList())
                .map(CaseProgress::everyStage);
    }

    private static Map<CaseStage, Long> everyStage(List<Object[]> rows) {
        Map<CaseStage, Long> counts = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            counts.put(stage, 0L);
        }
        rows.forEach(row -> counts.put((CaseStage) row[0], (Long) row[1]));
        return counts;
    }
}
