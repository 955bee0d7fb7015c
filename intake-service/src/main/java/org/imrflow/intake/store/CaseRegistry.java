package org.imrflow.intake.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.intake.domain.CaseNumber;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.domain.ScreeningResult;

import java.time.ZoneId;

/** Numbers and stores screened applications. */
@ApplicationScoped
public class CaseRegistry {

    /** Call inside a transaction; the case gets its number from the same transaction. */
    public Uni<ImrCase> register(ImrCase imrCase, ScreeningResult screening, ZoneId zone) {
        return ImrCase.nextCaseSequence().chain(sequence -> {
            imrCase.caseNumber = CaseNumber.of(imrCase.receivedAt.atZone(zone).getYear(), sequence);
            imrCase.status = CaseStatus.after(screening.verdict());
            imrCase.screeningReasons = new java.util.ArrayList<>(screening.reasons());
            return imrCase.<ImrCase>persist();
        });
    }
}
