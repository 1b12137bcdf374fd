/** Crypto-shredding of personal fields in events: a key per person, sealed on write, placeholders once erased. */
package dev.practicetracker.eventstore.personal;
