package org.imrflow.intake.application;

import org.imrflow.events.Deadline;

import java.util.Arrays;
import java.util.List;

/** The durable timers intake keeps for a case (org.imrflow.events.timer.DurableTimers), by kind. */
enum CaseTimer {
    /** Send the Notice of Assignment: due as soon as the case is found eligible. */
    SEND_NOTICE(null),
    NOTICE_DUE(Deadline.NOTICE_OF_ASSIGNMENT),
    RECORDS_DUE(Deadline.RECORDS),
    DETERMINATION_AT_RISK(Deadline.DETERMINATION_AT_RISK),
    DETERMINATION_OVERDUE(Deadline.DETERMINATION_OVERDUE);

    /** The deadline a firing reports; none for sending the notice. */
    final Deadline deadline;

    CaseTimer(Deadline deadline) {
        this.deadline = deadline;
    }

    static List<String> kinds(CaseTimer... timers) {
        return Arrays.stream(timers).map(Enum::name).toList();
    }

    static List<String> all() {
        return kinds(values());
    }
}
