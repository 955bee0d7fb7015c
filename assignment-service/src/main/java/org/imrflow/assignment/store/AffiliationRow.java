package org.imrflow.assignment.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.imrflow.assignment.domain.PartyId;

/** One affiliation of a reviewer, by kind and identifier. */
@Embeddable
public class AffiliationRow {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyId.Kind kind;

    @Column(nullable = false)
    public String identifier;

    public static AffiliationRow of(PartyId party) {
        AffiliationRow row = new AffiliationRow();
        row.kind = party.kind();
        row.identifier = party.id();
        return row;
    }

    public PartyId toPartyId() {
        return new PartyId(kind, identifier);
    }
}
