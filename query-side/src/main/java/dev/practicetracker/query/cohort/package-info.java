/** Cohorts as their coach sees them: the roster's levels, where the cohort is weakest, who is at risk. */
package dev.practicetracker.query.cohort;
