package org.imrflow.intake.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.intake.domain.CaliforniaCalendar;
import org.imrflow.intake.domain.CaseClocks;
import org.imrflow.intake.domain.EligibilityScreen;
import org.imrflow.intake.domain.FilingWindow;
import org.imrflow.intake.domain.MedicalRecordCheck;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The intake rules, built once from configuration (application.properties, "The lifecycle's rules"): the figures the
 * rules mark unconfirmed or disputed are settings, not constants.
 */
public class IntakeRules {

    @Produces
    @Singleton
    CaliforniaCalendar calendar(@ConfigProperty(name = "imrflow.intake.day-after-thanksgiving-is-holiday") boolean dayAfterThanksgiving) {
        return new CaliforniaCalendar(dayAfterThanksgiving);
    }

    @Produces
    @Singleton
    EligibilityScreen screen(CaliforniaCalendar calendar,
                             @ConfigProperty(name = "imrflow.intake.filing-window-days") int windowDays,
                             @ConfigProperty(name = "imrflow.intake.formulary-filing-window-days") int formularyWindowDays,
                             @ConfigProperty(name = "imrflow.intake.mail-extension-days") int mailExtensionDays) {
        return new EligibilityScreen(new FilingWindow(calendar, windowDays, formularyWindowDays, mailExtensionDays));
    }

    @Produces
    @Singleton
    CaseClocks clocks(CaliforniaCalendar calendar,
                      @ConfigProperty(name = "imrflow.intake.time-zone") ZoneId zone,
                      @ConfigProperty(name = "imrflow.intake.notice-business-days") int noticeBusinessDays,
                      @ConfigProperty(name = "imrflow.intake.records-days-mailed") int recordsDaysMailed,
                      @ConfigProperty(name = "imrflow.intake.records-days-electronic") int recordsDaysElectronic,
                      @ConfigProperty(name = "imrflow.intake.records-expedited") Duration recordsExpedited,
                      @ConfigProperty(name = "imrflow.intake.determination-days") int determinationDays,
                      @ConfigProperty(name = "imrflow.intake.expedited-determination-days") int expeditedDays,
                      @ConfigProperty(name = "imrflow.intake.formulary-determination-business-days") int formularyDays,
                      @ConfigProperty(name = "imrflow.intake.determination-at-risk-share") double atRiskShare) {
        return new CaseClocks(calendar, zone, new CaseClocks.Periods(noticeBusinessDays, recordsDaysMailed,
                recordsDaysElectronic, recordsExpedited, determinationDays, expeditedDays, formularyDays, atRiskShare));
    }

    @Produces
    @Singleton
    MedicalRecordCheck recordCheck(@ConfigProperty(name = "imrflow.intake.record-max-bytes") long maxBytes) {
        return new MedicalRecordCheck(maxBytes);
    }
}
