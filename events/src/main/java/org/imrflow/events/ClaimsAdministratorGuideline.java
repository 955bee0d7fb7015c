package org.imrflow.events;

/**
 * The guideline the claims administrator's Utilization Review cited.
 *
 * @param basedOnMtus whether UR relied on the MTUS
 * @param citation    as cited, e.g. "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"
 */
public record ClaimsAdministratorGuideline(boolean basedOnMtus, String citation) {
}
