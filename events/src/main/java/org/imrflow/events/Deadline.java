package org.imrflow.events;

/** The legal clocks of a case that a durable timer watches. */
public enum Deadline {
    /** The Notice of Assignment was due by now (one business day after the screen) and has not gone out. */
    NOTICE_OF_ASSIGNMENT,
    /** The medical records were due by now and are not complete: the determination's clock starts without them. */
    RECORDS,
    /** A configured share of the determination's period is used up. */
    DETERMINATION_AT_RISK,
    /** The determination is late. It is still valid and binding when it comes; lateness is reported, never enforced. */
    DETERMINATION_OVERDUE
}
