/** What every command endpoint shares: how rejections are answered. */
package dev.practicetracker.command.web;
