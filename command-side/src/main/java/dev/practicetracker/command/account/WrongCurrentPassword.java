package dev.practicetracker.command.account;

import dev.practicetracker.command.Forbidden;

/** A password change of one's own named a current password that does not match: a guess, counted by the throttle. */
class WrongCurrentPassword extends Forbidden {

    WrongCurrentPassword() {
        super("the current password does not match");
    }
}
