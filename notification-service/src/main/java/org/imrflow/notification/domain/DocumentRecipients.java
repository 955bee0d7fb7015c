package org.imrflow.notification.domain;

import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;

import java.util.List;

/** Who a document goes to, among a case's parties. */
public final class DocumentRecipients {
    private DocumentRecipients() {
    }

    /** The contacts of the parties that the rules send this kind of document to, in the order the case gave them. */
    public static List<PartyContact> of(DocumentKind kind, List<PartyContact> contacts) {
        boolean represented = contacts.stream().anyMatch(contact -> contact.role() == PartyRole.REPRESENTATIVE);
        return contacts.stream().filter(contact -> kind.isSentTo(contact.role(), represented)).toList();
    }
}
