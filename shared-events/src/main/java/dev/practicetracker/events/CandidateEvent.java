package dev.practicetracker.events;

/**
 * An event about one candidate. Readers that keep per-candidate state process a candidate's events in order, one at a
 * time, by sequencing on this id.
 */
public interface CandidateEvent {

    CandidateId candidateId();
}
