package org.imrflow.letters;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The published sample letter's case (shared/domain/sample-final-determination.txt), with the parties the published
 * copy blanks out filled in with made-up ones: realistic values for every document of a case.
 */
final class SampleCase {
    static final String IMRO = "Maximus Federal Services";
    static final String IMRO_ADDRESS = "P.O. Box 138009, Sacramento, CA 95813-8009";
    static final String CASE_NUMBER = "CM14-0000001";
    static final String CLAIM_NUMBER = "ACME-WC-2005-117734";
    static final String EMPLOYEE = "Nguyễn Thị Zoë";
    static final String REVIEWER_ID = "rev-occmed-7f3a91";
    static final String NEUROTOMY = "Cervical medial branch neurotomy at bilateral C2 C3 C4";
    static final String EXALGO = "Exalgo 8mg #30";
    static final LocalDate DATED = LocalDate.of(2014, 10, 21);

    static final String SUMMARY = """
            The injured worker is a represented  employee who has filed a claim for chronic neck pain reportedly \
            associated with an industrial injury of December 27, 2005.

            Thus far, the applicant has been treated with the following:  Analgesic medications; transfer of \
            care to and from various providers in various specialties; muscle relaxants; and unspecified amounts \
            of physical therapy over the course of the claim. In a Utilization Review Report dated August 29, \
            2014, the claims administrator denied a request for cervical medial branch blocks.  In a September \
            10, 2014 appeal letter, the attending provider stated that medial branch blocks were being sought \
            at the C2 through C4 levels.  It was stated that the applicant had a primary complaint of headaches \
            which were ameliorated through earlier C2 through C4 neurotomy procedures.  The attending provider \
            stated that he was therefore requesting a repeat of the cervical radiofrequency neurotomy procedure.  \
            The attending provider stated that the applicant had tried and failed conservative treatment including \
            pain medications, muscle relaxants, NSAIDs, and physical therapy.  It was also stated that the applicant \
            had no evidence of a cervical radiculopathy on earlier electrodiagnostic testing of January 5, 2012, \
            which is notable for borderline carpal tunnel syndrome and/or cubital tunnel syndrome.  The attending \
            provider stated that the applicant's primary pain generator was, in fact, axial pain with severe \
            daily headaches.  The attending provider stated that the applicant had had earlier cervical radiofrequency \
            neurotomy procedures in February 2014 which were reportedly successful.  The applicant's work status \
            was not furnished, however. In an August 20, 2014 progress note, the it was noted that the applicant \
            had multilevel facet degeneration and multilevel cervical facet pathology.  Medial branch block \
            neurotomy procedures were sought at the C2 through C4 levels.  The applicant's work status, again, \
            was not provided. In an April 1, 2014 progress note, it was stated that the applicant had cervicogenic \
            headaches and discogenic/facetogenic neck pain.  The attending provider acknowledged that the applicant \
            had had earlier cervical epidurals which provided only short-term relief. The August 29, 2014 request \
            for authorization form, the attending provider sought authorization for Exalgo, an opioid agent.  \
            In a progress note of the same date, August 29, 2014, the applicant reported persistent complaint \
            of 5/10 neck pain, with associated numbness, tingling, and paresthesias about the left arm.  It \
            was stated that the applicant was working full time as a mechanic.  The applicant's primary treating \
            provider posited that the applicant had responded favorably to earlier cervical radiofrequency neurotomy \
            procedure.  Multiple medications, including Celebrex, Exalgo, Percocet, and testosterone were apparently \
            renewed.
            """;

    static final String RATIONALE = """
            The MTUS/ACOEM Guidelines in Chapter 8, page 174, there is limited evidence that radiofrequency \
            neurotomy procedures may be effective in relieving or reducing cervical facet joint pain among employees \
            who have had a positive response to facet injections.  In this case, the attending providers have \
            posited that the employee has achieved lasting analgesia with earlier blocks for a span of several \
            months.  The attending provider posited that the employee did achieve 80 to 90% subjective reduction \
            in pain scores for a span of approximately six months.  The employee has reportedly maintained full-time \
            work status as a mechanic at the , the attending providers have posited, reportedly effected through \
            the cervical radiofrequency neurotomy procedure at issue.  The employee's successful return to and \
            maintenance of regular duty work status, thus, does constitute prima facie evidence of functional \
            improvement as defined in MTUS 9792.20f through earlier radiofrequency neurotomy procedures for \
            diskogenic pain.  Pursuing the proposed repeat neurotomy procedures is therefore indicated.  Accordingly, \
            the request for cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary and \
            appropriate.
            """;

    private SampleCase() {
    }

    static List<PartyContact> parties() {
        return List.of(
                new PartyContact(PartyRole.EMPLOYEE, EMPLOYEE, "zoe.nguyen@mail.example", "1457 Olive Avenue, Apt. 3\nFresno, CA 93728"),
                new PartyContact(PartyRole.REPRESENTATIVE, "Dana Whitfield, Esq., Whitfield & Ortiz LLP", "dana@whitfield-ortiz.example",
                        "2100 Tulare Street, Suite 400\nFresno, CA 93721"),
                new PartyContact(PartyRole.EMPLOYER, "Central Valley Transit Authority", null, "3400 N. Blackstone Ave\nFresno, CA 93726"),
                new PartyContact(PartyRole.REQUESTING_PHYSICIAN, "Rafael Medina, MD", "rmedina@spine.example", null),
                new PartyContact(PartyRole.CLAIMS_ADMINISTRATOR, "Acme Claims Services", "adjuster@acme-claims.example",
                        "P.O. Box 2020\nWalnut Creek, CA 94595"));
    }

    static Letterhead letterhead() {
        return new Letterhead(CASE_NUMBER, CLAIM_NUMBER, EMPLOYEE, DATED, parties());
    }

    /** The sample letter's decision: one item, overturned. */
    static DecisionRecorded decision() {
        return decision(List.of(neurotomy()));
    }

    static DecisionRecorded decision(List<DecisionRecorded.ItemDecision> items) {
        return new DecisionRecorded(CASE_NUMBER, REVIEWER_ID,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"),
                Instant.parse("2014-10-20T17:00:00Z"), LocalDate.of(2014, 11, 1), SUMMARY, items);
    }

    static DecisionRecorded.ItemDecision neurotomy() {
        return new DecisionRecorded.ItemDecision(1, NEUROTOMY, ItemCategory.INJECTIONS, Outcome.OVERTURNED,
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", "Chapter 8 Neck and Upper Back Complaints", "174"),
                RATIONALE);
    }

    /** The Exalgo that the sample's request for authorization also sought: here a second item, upheld. */
    static DecisionRecorded.ItemDecision exalgo() {
        return new DecisionRecorded.ItemDecision(2, EXALGO, ItemCategory.PHARMACY, Outcome.UPHELD,
                new ClaimsAdministratorGuideline(true, "MTUS Chronic Pain Medical Treatment Guidelines"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS Chronic Pain Medical Treatment Guidelines", "Opioids",
                        "80-82"),
                "The applicant has not returned to work on the strength of opioid therapy alone, and no reduction in pain "
                        + "scores is documented with ongoing Exalgo usage. Exalgo 8mg #30 is not medically necessary.");
    }
}
