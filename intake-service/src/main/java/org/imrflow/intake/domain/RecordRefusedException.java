package org.imrflow.intake.domain;

/** A medical record upload that is refused before anything is stored. */
public class RecordRefusedException extends RuntimeException {
    private final MedicalRecordCheck.Refusal refusal;

    public RecordRefusedException(MedicalRecordCheck.Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public MedicalRecordCheck.Refusal refusal() {
        return refusal;
    }
}
