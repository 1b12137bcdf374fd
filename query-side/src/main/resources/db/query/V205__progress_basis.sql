-- Which ratings each day's level rests on (as qs_skill_profile.basis), so that a chart can tell a level from
-- self-ratings alone from one resting on coach and peer ratings. Rows written before this are NULL until a replay.
ALTER TABLE qs_progress_daily ADD COLUMN basis VARCHAR(32);
