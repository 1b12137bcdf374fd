package dev.practicetracker.query.profile;

/**
 * Sent to a node's live subscribers after a candidate's profile changed, once the change is committed, whichever node
 * committed it ({@link ProfileChanges}). {@link #ANYONE} asks every subscriber to re-read: sent when a node (re)starts
 * listening, since what was committed meanwhile was never announced to it.
 */
record ProfileChanged(String candidateId) {

    static final ProfileChanged ANYONE = new ProfileChanged("");

    boolean concerns(String candidate) {
        return this == ANYONE || candidateId.equals(candidate);
    }
}
