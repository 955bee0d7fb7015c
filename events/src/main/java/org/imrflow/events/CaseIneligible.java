package org.imrflow.events;

import java.time.Instant;
import java.util.List;

/**
 * An application the screen (8 CCR 9792.10.3) found ineligible, with every reason. Deferred when the claims
 * administrator disputes liability: the case waits for that to be resolved rather than being rejected.
 */
public record CaseIneligible(String caseNumber, Instant screenedAt, boolean deferred, List<String> reasons) {
}
