package org.imrflow.assignment.domain;

import java.time.LocalDate;

/**
 * A board certification, as the letter states it ("Board Certified in {specialty}").
 *
 * @param expiresOn the last day it holds; null for a lifetime certification
 */
public record BoardCertification(String board, String specialty, LocalDate expiresOn) {

    public boolean validOn(LocalDate day) {
        return expiresOn == null || !day.isAfter(expiresOn);
    }
}
