package org.imrflow.events;

/**
 * Where a party's documents go: a name to address, an email address for delivery and a postal address for the
 * letter's first page. Either address may be unknown (null).
 */
public record PartyContact(PartyRole role, String name, String email, String mailingAddress) {
}
