package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The last rebuild of the operations view: who asked, and when it started and finished. */
@Entity
@Table(name = "operations_rebuild")
public class RebuildRecord extends PanacheEntityBase {
    public static final short ID = 1;

    @Id
    public short id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    public static Uni<RebuildRecord> started(String requestedBy, Instant startedAt) {
        return RebuildRecord.<RebuildRecord>findById(ID).chain(existing -> {
            RebuildRecord record = existing == null ? new RebuildRecord() : existing;
            record.id = ID;
            record.requestedBy = requestedBy;
            record.startedAt = startedAt;
            record.finishedAt = null;
            return existing == null ? record.persist() : Uni.createFrom().item(record);
        });
    }

    public static Uni<RebuildRecord> finished(Instant finishedAt) {
        return RebuildRecord.<RebuildRecord>findById(ID).invoke(record -> record.finishedAt = finishedAt);
    }
}
