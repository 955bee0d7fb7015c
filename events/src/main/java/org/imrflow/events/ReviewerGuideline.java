package org.imrflow.events;

/**
 * The expert reviewer's own basis for a decision, e.g. MTUS ACOEM, Chapter 8 Neck and Upper Back Complaints, page 174.
 */
public record ReviewerGuideline(EvidenceLevel evidenceLevel, String source, String chapter, String pages) {
}
