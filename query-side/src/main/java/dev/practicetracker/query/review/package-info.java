/** The review queue: answers in a coach's cohorts still waiting for the coach's rating. */
package dev.practicetracker.query.review;
