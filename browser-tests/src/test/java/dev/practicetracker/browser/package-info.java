/** The pages in a real Chromium against the one-process app: what a candidate, a coach and an admin see and do. */
package dev.practicetracker.browser;
