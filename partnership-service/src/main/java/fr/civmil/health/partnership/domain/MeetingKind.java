package fr.civmil.health.partnership.domain;

/** A meeting of the follow-up committee: on its calendar, or called for an event. */
public enum MeetingKind {
    ORDINARY, EXTRAORDINARY
}
