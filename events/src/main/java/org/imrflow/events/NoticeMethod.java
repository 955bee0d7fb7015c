package org.imrflow.events;

/**
 * How a notice went to the parties. The medical records are due 15 days after a mailed Notice of Assignment, 12 days
 * after an electronic one (8 CCR 9792.10.5).
 */
public enum NoticeMethod {
    ELECTRONIC,
    MAIL
}
