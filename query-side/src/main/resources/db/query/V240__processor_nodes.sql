-- The query nodes sharing the read-model processor's segments, each with when it last said it was alive
-- (SegmentBalancer): a node's fair share of the segments is their number divided by the nodes seen lately.
CREATE TABLE qs_processor_nodes (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
