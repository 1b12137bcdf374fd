/**
 * Who is acting, for both services. The command side issues a signed token (a JWT, HMAC-SHA256, through Spring
 * Security's Nimbus support) when a person logs in; each service verifies it on its own and then checks the account
 * against its own record of accounts (built from the account events), so a locked or withdrawn account, or one whose
 * role changed, loses access at once on both sides, whatever its token says.
 */
package dev.practicetracker.security;
