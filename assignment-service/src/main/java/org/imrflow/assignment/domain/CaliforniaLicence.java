package org.imrflow.assignment.domain;

import java.time.LocalDate;

/** The reviewer's licence to practise in California; valid through the day it expires. */
public record CaliforniaLicence(String number, LocalDate expiresOn) {

    public boolean validOn(LocalDate day) {
        return !day.isAfter(expiresOn);
    }
}
