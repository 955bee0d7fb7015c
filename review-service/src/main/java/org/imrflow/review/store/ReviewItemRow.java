package org.imrflow.review.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.ItemCategory;

/** One disputed item of a review, as assignment sent it. */
@Embeddable
public class ReviewItemRow {
    @Column(name = "item_number", nullable = false)
    public int itemNumber;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemCategory category;

    @Column(name = "icd10_code")
    public String icd10Code;

    public static ReviewItemRow of(DisputedItem item) {
        ReviewItemRow row = new ReviewItemRow();
        row.itemNumber = item.itemNumber();
        row.description = item.description();
        row.category = item.category();
        row.icd10Code = item.icd10Code();
        return row;
    }

    public DisputedItem toItem() {
        return new DisputedItem(itemNumber, description, category, icd10Code);
    }
}
