package org.imrflow.events;

/** What the parties may know of the expert reviewer: qualifications, never the name. */
public record ReviewerQualifications(String specialty, String boardCertification) {
}
