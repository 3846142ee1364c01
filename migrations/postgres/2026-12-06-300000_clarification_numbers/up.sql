-- Numbered documents (issue 23, item 2): each published clarification has
-- a number within its standard and edition ("ISO/IEC 17065:2012
-- Clarification 3"), given at publication and never given again. A
-- correction keeps it: its versions are of the same numbered clarification.
-- The counter per standard is what publication increments, so that two
-- publications on one standard at once queue on its row, and a number
-- stays used once given.
CREATE TABLE clarification_counters (
    standard_id TEXT PRIMARY KEY NOT NULL REFERENCES standards (id),
    last_number INTEGER NOT NULL
);

CREATE TABLE clarification_numbers (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id),
    standard_id TEXT NOT NULL REFERENCES standards (id),
    number INTEGER NOT NULL CHECK (number > 0),
    UNIQUE (standard_id, number)
);

-- What is published already is numbered in order of publication.
INSERT INTO clarification_numbers (request_id, standard_id, number)
SELECT id, standard_id,
       ROW_NUMBER() OVER (PARTITION BY standard_id ORDER BY published_at, reference)
FROM requests
WHERE state = 'published';

INSERT INTO clarification_counters (standard_id, last_number)
SELECT standard_id, MAX(number) FROM clarification_numbers GROUP BY standard_id;

-- Pages kept in memory show no number yet.
UPDATE register_version SET version = version + 1;
