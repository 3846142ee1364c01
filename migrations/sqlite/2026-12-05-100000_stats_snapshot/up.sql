-- The secretariat's statistics as the worker last computed them, one row:
-- the figures (JSON), the register's version they were computed at, and
-- when. Computing them reads every request; the page reads this row.
CREATE TABLE stats_snapshot (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    register_version BIGINT NOT NULL,
    figures TEXT NOT NULL,
    computed_at TIMESTAMP NOT NULL
);
