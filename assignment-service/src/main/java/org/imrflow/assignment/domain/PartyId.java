package org.imrflow.assignment.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A party to a case, or an organization or person a reviewer is affiliated with, by identifier: conflicts of interest
 * are checked by identifier, never by name (two firms may share a name; one firm may write its name two ways).
 * The kinds follow the conflict list of 8 CCR 9768.2 as far as the application identifies them.
 */
public record PartyId(Kind kind, String id) {

    public enum Kind {
        /** The employer, by its identifier (e.g. FEIN). */
        EMPLOYER("employer"),
        /** The insurer, self-insured employer or TPA that ran UR and pays for IMR. */
        CLAIMS_ADMINISTRATOR("claims administrator"),
        /** The requesting (treating) physician, by National Provider Identifier. */
        PROVIDER("requesting physician"),
        /** The requesting physician's medical group. */
        MEDICAL_GROUP("medical group"),
        /** The employee's representative's firm. */
        LAW_FIRM("representative's firm"),
        /** The UR organization that made the decision under review. */
        UR_ORGANIZATION("UR organization"),
        /** The employee and their family, by the claim number. */
        CLAIM("employee"),
        /** The maker of a disputed drug or device. */
        MANUFACTURER("manufacturer");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a reason names the party: {@code conflict: employer}. */
        public String label() {
            return label;
        }
    }

    public PartyId {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A party identifier has a kind and an id");
        }
        id = id.strip().toUpperCase(Locale.ROOT);
    }

    /** A party the case may not name, as null or blank. */
    public static Optional<PartyId> of(Kind kind, String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(new PartyId(kind, id));
    }
}
