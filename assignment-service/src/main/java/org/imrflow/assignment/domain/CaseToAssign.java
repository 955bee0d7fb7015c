package org.imrflow.assignment.domain;

import java.util.List;

/**
 * What matching needs to know about a case.
 *
 * @param specialty the specialty that treats the condition: the requesting physician's
 * @param parties   everyone on the case by name: employee, representative and firm, employer, claims administrator,
 *                  requesting physician
 */
public record CaseToAssign(String caseNumber, String specialty, List<String> parties) {
}
