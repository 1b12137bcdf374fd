/** The app's pages as static resources, and the one access rule that lets a browser load them. */
package dev.practicetracker.web;
