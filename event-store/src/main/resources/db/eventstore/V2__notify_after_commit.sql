-- Appended events are announced after commit by the appending process (EventsAppendedNotifier: one NOTIFY per few
-- milliseconds per node, from a transaction of its own), no longer by a trigger inside every appending transaction,
-- which made each commit of events take PostgreSQL's global notification lock and serialised them.
DROP TRIGGER IF EXISTS events_appended ON domain_event_entry;
DROP FUNCTION IF EXISTS notify_events_appended();
