package org.imrflow.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseMixTest {
    private static final int DRAWS = 20_000;

    @Test
    void theSharesAreDwcsWithinAPercentagePoint() {
        CaseMix mix = new CaseMix(7, 0.10, 0.05);
        Map<String, Integer> categories = new HashMap<>();
        int items = 0;
        int ineligible = 0;
        int expedited = 0;
        int overturned = 0;
        for (int i = 0; i < DRAWS; i++) {
            CaseMix.Dispute dispute = mix.next();
            assertTrue(dispute.items().size() >= 1 && dispute.items().size() <= 4, dispute.toString());
            assertEquals(dispute.items().size(), new HashSet<>(dispute.items().stream().map(CaseMix.Item::description).toList()).size(),
                    "an application names each treatment once");
            if (dispute.items().stream().anyMatch(item -> item.category().equals("SURGERY"))) {
                assertEquals(1, dispute.items().size(), "a surgery is disputed alone: " + dispute);
            }
            for (CaseMix.Item item : dispute.items()) {
                categories.merge(item.category(), 1, Integer::sum);
                overturned += item.overturned() ? 1 : 0;
                items++;
            }
            ineligible += dispute.eligible() ? 0 : 1;
            expedited += dispute.expedited() ? 1 : 0;
        }
        // distinct treatments per case shift the shares a little from the draw's, towards the categories with more of them
        assertEquals(0.33, share(categories.get("PHARMACY"), items), 0.02);
        assertEquals(0.21, share(categories.get("PHYSICAL_THERAPY_OR_REHAB"), items), 0.02);
        assertEquals(0.12, share(categories.get("DIAGNOSTICS_OR_IMAGING"), items), 0.02);
        assertEquals(0.10, share(ineligible, DRAWS), 0.01);
        assertEquals(0.05, share(expedited, DRAWS), 0.01);
        assertEquals(CaseMix.OVERTURNED_SHARE, share(overturned, items), 0.01);
        assertEquals(100, CaseMix.CATEGORY_SHARES.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theSameSeedDrawsTheSameCases() {
        CaseMix one = new CaseMix(42, 0.1, 0.05);
        CaseMix two = new CaseMix(42, 0.1, 0.05);
        for (int i = 0; i < 100; i++) {
            assertEquals(one.next(), two.next());
        }
    }

    @Test
    void theApplicationAndTheDeterminationAreJsonThatNameEveryItem() throws Exception {
        CaseMix.Dispute dispute = new CaseMix.Dispute(List.of(
                new CaseMix.Item("MRI of the cervical spine without contrast", "DIAGNOSTICS_OR_IMAGING", false),
                new CaseMix.Item("Tramadol ER 100 mg #30", "PHARMACY", true)), true, false);
        ObjectMapper json = new ObjectMapper();
        JsonNode application = json.readTree(CaseMix.application(dispute, "WC-1", LocalDate.of(2026, 11, 20)));
        assertEquals("EXPEDITED", application.path("reviewType").asText());
        assertFalse(application.path("urDecision").path("attached").asBoolean(), "ineligible: no copy of the UR decision");
        assertEquals("WC-1", application.path("claim").path("claimNumber").asText());
        assertEquals(2, application.path("disputedItems").size());
        assertEquals("PHARMACY", application.path("disputedItems").get(1).path("category").asText());
        JsonNode determination = json.readTree(CaseMix.determination(dispute));
        assertEquals(2, determination.path("decisions").size());
        assertEquals("UPHELD", determination.path("decisions").get(0).path("outcome").asText());
        assertEquals("OVERTURNED", determination.path("decisions").get(1).path("outcome").asText());
        assertEquals(2, determination.path("decisions").get(1).path("itemNumber").asInt());
    }

    private static double share(int count, int of) {
        return (double) count / of;
    }
}
