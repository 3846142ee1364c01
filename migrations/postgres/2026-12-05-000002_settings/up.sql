-- Facts about this installation that the secretariat records, one row per
-- key: `registry_checked` (the account that confirmed the registry of
-- standards and groups is right, which ticks the first-run checklist).
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
