package org.imrflow.intake.domain;

import java.util.List;

/** The screen's verdict, with every reason a notice must give. */
public record ScreeningResult(Verdict verdict, List<String> reasons) {

    public enum Verdict {
        ELIGIBLE,
        /** Rejected: the notice gives the reasons. */
        INELIGIBLE,
        /** Liability is disputed: the case waits until that is resolved rather than being rejected. */
        DEFERRED
    }

    public ScreeningResult {
        reasons = List.copyOf(reasons);
    }

    public boolean eligible() {
        return verdict == Verdict.ELIGIBLE;
    }
}
