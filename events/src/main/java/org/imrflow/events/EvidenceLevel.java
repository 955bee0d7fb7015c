package org.imrflow.events;

/** The strength-of-evidence hierarchy of Labor Code 4610.5(c)(2), strongest first. */
public enum EvidenceLevel {
    MTUS,
    PEER_REVIEWED_EVIDENCE,
    NATIONAL_PROFESSIONAL_STANDARDS,
    EXPERT_OPINION,
    GENERALLY_ACCEPTED_STANDARDS,
    LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE
}
