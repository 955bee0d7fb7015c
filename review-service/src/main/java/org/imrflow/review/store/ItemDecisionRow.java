package org.imrflow.review.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.review.domain.ItemDecisionDraft;

import java.util.Map;
import java.util.TreeMap;

/** The recorded decision on one disputed item. */
@Embeddable
public class ItemDecisionRow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<EvidenceLevel, String>> REASONS = new TypeReference<>() {
    };

    @Column(name = "item_number", nullable = false)
    public int itemNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "ca_guideline_based_on_mtus", nullable = false)
    public boolean caGuidelineBasedOnMtus;

    @Column(name = "ca_guideline_citation", nullable = false)
    public String caGuidelineCitation;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level", nullable = false)
    public EvidenceLevel evidenceLevel;

    @Column(name = "guideline_source", nullable = false)
    public String guidelineSource;

    @Column(name = "guideline_chapter")
    public String guidelineChapter;

    @Column(name = "guideline_pages")
    public String guidelinePages;

    @Column(nullable = false)
    public String rationale;

    /** For each evidence level above the one cited, why it does not apply: JSON, {"MTUS": "..."}. */
    @Column(name = "why_not_higher", nullable = false)
    public String whyNotHigher = "{}";

    public static ItemDecisionRow of(ItemDecisionDraft draft) {
        ItemDecisionRow row = new ItemDecisionRow();
        row.itemNumber = draft.itemNumber();
        row.outcome = draft.outcome();
        row.caGuidelineBasedOnMtus = draft.claimsAdministratorGuideline().basedOnMtus();
        row.caGuidelineCitation = draft.claimsAdministratorGuideline().citation();
        row.evidenceLevel = draft.reviewerGuideline().evidenceLevel();
        row.guidelineSource = draft.reviewerGuideline().source();
        row.guidelineChapter = draft.reviewerGuideline().chapter();
        row.guidelinePages = draft.reviewerGuideline().pages();
        row.rationale = draft.rationale();
        row.whyNotHigher = writeReasons(draft.whyNotHigher());
        return row;
    }

    public Map<EvidenceLevel, String> whyNotHigher() {
        try {
            return JSON.readValue(whyNotHigher, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored decision's reasons are unreadable", e);
        }
    }

    private static String writeReasons(Map<EvidenceLevel, String> reasons) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ClaimsAdministratorGuideline claimsAdministratorGuideline() {
        return new ClaimsAdministratorGuideline(caGuidelineBasedOnMtus, caGuidelineCitation);
    }

    public ReviewerGuideline reviewerGuideline() {
        return new ReviewerGuideline(evidenceLevel, guidelineSource, guidelineChapter, guidelinePages);
    }
}
