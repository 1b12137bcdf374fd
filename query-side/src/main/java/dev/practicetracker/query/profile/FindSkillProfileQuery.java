package dev.practicetracker.query.profile;

/** A candidate's skill profile, now; subscribed to for live updates. */
public record FindSkillProfileQuery(String candidateId) {}
