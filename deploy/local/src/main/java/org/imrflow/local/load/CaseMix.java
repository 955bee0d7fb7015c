package org.imrflow.local.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The variety of a real backlog, drawn from one seed: 1 to 4 disputed items per case, each item's category in the
 * shares DWC reports (pharmacy about a third, rehabilitation a fifth, diagnostics an eighth; the rest spread over the
 * other categories), about one application in ten ineligible (the UR decision's copy not attached), some expedited,
 * and about one item in eight overturned (DWC reports 10 to 13 %). Every item treats the same neck condition, which
 * several of the demo roster's specialties may review; a spinal surgery is an application of its own, since no
 * specialty that may review it may also review the other categories (its case would wait for a reviewer forever).
 */
public final class CaseMix {
    /** Category -> share in percent; the first three are DWC's 2024 item mix (domain/imr-process.md). */
    static final Map<String, Integer> CATEGORY_SHARES = shares();
    /** Items per case 1, 2, 3, 4 -> share in percent (an assumption: most applications dispute one or two items). */
    static final int[] ITEM_COUNT_SHARES = {55, 25, 12, 8};
    static final double OVERTURNED_SHARE = 0.12;
    private static final String SURGERY = "SURGERY";

    private static final Map<String, List<String>> TREATMENTS = Map.of(
            "PHARMACY", List.of("Tramadol ER 100 mg #30", "Cyclobenzaprine 7.5 mg #60", "Lidocaine 5% patch #30",
                    "Naproxen 550 mg #60"),
            "PHYSICAL_THERAPY_OR_REHAB", List.of("Physical therapy 2 times a week for 6 weeks, cervical spine",
                    "Chiropractic manipulation, 6 visits", "Acupuncture, 6 sessions"),
            "DIAGNOSTICS_OR_IMAGING", List.of("MRI of the cervical spine without contrast",
                    "EMG and nerve conduction study of both upper extremities", "Cervical spine X-rays, flexion and extension"),
            "INJECTIONS", List.of("Cervical medial branch neurotomy at bilateral C2 C3 C4",
                    "Cervical epidural steroid injection at C5-C6", "Trigger point injections, 4 muscles"),
            "DME", List.of("Home cervical traction unit", "TENS unit, 30-day rental", "Cervical pillow"),
            "SURGERY", List.of("Anterior cervical discectomy and fusion at C5-C6"),
            "EVALUATION_AND_MANAGEMENT", List.of("Pain management consultation", "Follow-up visit with a spine specialist"),
            "OTHER", List.of("Functional restoration program, 10 days", "Gym membership, 6 months"));

    /** One case of the mix. */
    public record Dispute(List<Item> items, boolean expedited, boolean eligible) {
        boolean anyOverturned() {
            return items.stream().anyMatch(Item::overturned);
        }
    }

    public record Item(String description, String category, boolean overturned) {
    }

    private final Random random;
    private final double ineligibleShare;
    private final double expeditedShare;

    CaseMix(long seed, double ineligibleShare, double expeditedShare) {
        this.random = new Random(seed);
        this.ineligibleShare = ineligibleShare;
        this.expeditedShare = expeditedShare;
    }

    /** The next case of the mix (not thread-safe: one thread draws them all, in order). */
    Dispute next() {
        int count = 1 + pick(ITEM_COUNT_SHARES);
        Map<String, Item> items = new LinkedHashMap<>(); // distinct treatments: one application names each once
        while (items.size() < count) {
            String category = category();
            if (category.equals(SURGERY) && !items.isEmpty()) {
                continue;
            }
            List<String> treatments = TREATMENTS.get(category);
            String treatment = treatments.get(random.nextInt(treatments.size()));
            items.putIfAbsent(treatment, new Item(treatment, category, random.nextDouble() < OVERTURNED_SHARE));
            if (category.equals(SURGERY)) {
                break; // a surgery is disputed on its own: only a spine surgeon may review it, and no other item
            }
        }
        return new Dispute(List.copyOf(items.values()), random.nextDouble() < expeditedShare,
                random.nextDouble() >= ineligibleShare);
    }

    private String category() {
        int roll = random.nextInt(100);
        for (Map.Entry<String, Integer> share : CATEGORY_SHARES.entrySet()) {
            roll -= share.getValue();
            if (roll < 0) {
                return share.getKey();
            }
        }
        throw new IllegalStateException("The category shares do not add up to 100");
    }

    private int pick(int[] shares) {
        int roll = random.nextInt(100);
        for (int i = 0; i < shares.length; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("The shares do not add up to 100");
    }

    private static Map<String, Integer> shares() {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("PHARMACY", 33);
        shares.put("PHYSICAL_THERAPY_OR_REHAB", 21);
        shares.put("DIAGNOSTICS_OR_IMAGING", 12);
        shares.put("INJECTIONS", 10);
        shares.put("DME", 9);
        shares.put("EVALUATION_AND_MANAGEMENT", 6);
        shares.put("SURGERY", 4);
        shares.put("OTHER", 5);
        return java.util.Collections.unmodifiableMap(shares);
    }

    /** The application a claims administrator files for this dispute, as intake's POST /api/cases takes it. */
    public static String application(Dispute dispute, String claimNumber, LocalDate urDecision) {
        StringBuilder items = new StringBuilder();
        for (Item item : dispute.items()) {
            if (!items.isEmpty()) {
                items.append(",\n    ");
            }
            items.append("{ \"description\": \"").append(item.description()).append("\", \"category\": \"")
                    .append(item.category()).append("\", \"icd10Code\": \"M54.2\" }");
        }
        return """
                {
                  "reviewType": "%s",
                  "employee": { "name": "Pat Example", "represented": true,
                                "email": "pat.example@example.com", "mailingAddress": "12 Elm Street, Fresno, CA 93701",
                                "representative": { "name": "Robin Counsel", "firm": "Counsel & Co", "firmId": "counsel-co",
                                                    "email": "robin@counsel-co.example",
                                                    "mailingAddress": "400 Capitol Mall, Sacramento, CA 95814" } },
                  "claim": { "claimNumber": "%s", "dateOfInjury": "2005-12-27", "employer": "City Fleet Services",
                             "employerId": "95-1234567", "employerEmail": "risk@cityfleet.example",
                             "employerMailingAddress": "1 Depot Road, Fresno, CA 93706" },
                  "claimsAdministrator": { "orgId": "acme-claims", "name": "Acme Claims Services",
                                           "email": "imr@acme-claims.example",
                                           "mailingAddress": "PO Box 1000, Oakland, CA 94604" },
                  "requestingPhysician": { "name": "Dr. Lee Treating", "npi": "1234567893", "specialty": "Occupational Medicine",
                                           "email": "office@lee-treating.example",
                                           "mailingAddress": "88 Clinic Way, Fresno, CA 93710" },
                  "urDecision": { "date": "%s", "type": "DENIED", "servedBy": "MAIL", "attached": %s,
                                  "guideline": { "basedOnMtus": false,
                                                 "citation": "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM" } },
                  "applicationSignedDate": "%s", "applicationSignedBy": "REPRESENTATIVE",
                  "disputedItems": [
                    %s
                  ]
                }
                """.formatted(dispute.expedited() ? "EXPEDITED" : "STANDARD", claimNumber, urDecision, dispute.eligible(),
                urDecision.plusDays(3), items);
    }

    /** The reviewer's determination of every item, each with its drawn outcome. */
    static String determination(Dispute dispute) {
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < dispute.items().size(); i++) {
            Item item = dispute.items().get(i);
            decisions.add("""
                    { "itemNumber": %d, "outcome": "%s",
                      "reviewerGuideline": { "evidenceLevel": "MTUS", "source": "MTUS ACOEM",
                                             "chapter": "Chapter 8 Neck and Upper Back Complaints", "pages": "174" },
                      "rationale": "The MTUS/ACOEM Guidelines in Chapter 8, page 174, address %s for chronic neck pain. The records document the employee's course of care and its results; accordingly, the request for %s is %s." }"""
                    .formatted(i + 1, item.overturned() ? "OVERTURNED" : "UPHELD", item.description(), item.description(),
                            item.overturned() ? "medically necessary and appropriate" : "not medically necessary"));
        }
        return """
                {
                  "clinicalCaseSummary": "The injured worker is a represented employee who has filed a claim for chronic neck pain reportedly associated with an industrial injury of December 27, 2005. Thus far, the applicant has been treated with analgesic medications, muscle relaxants and physical therapy. In a Utilization Review Report, the claims administrator denied the requests under review.",
                  "decisions": [
                %s
                  ]
                }
                """.formatted(String.join(",\n", decisions));
    }
}
