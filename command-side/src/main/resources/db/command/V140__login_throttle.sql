-- The login and password-guess throttles' buckets (Bucket4j's PostgreSQL layout), shared by every command node so that
-- n nodes do not allow n times the attempts. The key names the throttle, the kind (user or client) and the name or
-- address; state is Bucket4j's own encoding; expires_at (epoch milliseconds) is when the bucket is full again and the
-- row may go.
CREATE TABLE login_throttle_buckets (
    id         TEXT   PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX login_throttle_buckets_expires_at_idx ON login_throttle_buckets (expires_at);
