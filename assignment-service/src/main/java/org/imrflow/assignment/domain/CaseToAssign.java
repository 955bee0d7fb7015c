package org.imrflow.assignment.domain;

import java.util.Set;

/**
 * What matching needs to know about a case.
 *
 * @param specialty the specialty that treats the condition: the requesting physician's
 * @param parties   everyone on the case by identifier: employer, claims administrator, requesting physician,
 *                  representative's firm, UR organization, and the claim (the employee)
 */
public record CaseToAssign(String caseNumber, String specialty, Set<PartyId> parties) {
    public CaseToAssign {
        parties = Set.copyOf(parties);
    }
}
