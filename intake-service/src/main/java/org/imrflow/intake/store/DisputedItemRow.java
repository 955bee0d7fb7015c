package org.imrflow.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.imrflow.events.ItemCategory;

/** One disputed item of a stored case. */
@Embeddable
public class DisputedItemRow {
    @Column(name = "item_number", nullable = false)
    public int itemNumber;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemCategory category;

    @Column(name = "icd10_code")
    public String icd10Code;

    /** The maker of a disputed drug or device, when the application names one. */
    @Column(name = "manufacturer_id")
    public String manufacturerId;
}
