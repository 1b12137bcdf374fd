/** What every query endpoint shares: pages, and how failures are answered. */
package dev.practicetracker.query.web;
