package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;

import java.io.Serializable;
import java.util.Objects;

/** One decided item of a published determination: what the archive's filters and overturn rates count. */
@Entity
@Table(name = "archive_item")
@IdClass(ArchiveItem.Key.class)
public class ArchiveItem extends PanacheEntityBase {
    @Id
    public String reference;

    @Id
    @Column(name = "item_number")
    public int itemNumber;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level", nullable = false)
    public EvidenceLevel evidenceLevel;

    public static class Key implements Serializable {
        public String reference;
        public int itemNumber;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.reference.equals(reference) && key.itemNumber == itemNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(reference, itemNumber);
        }
    }
}
