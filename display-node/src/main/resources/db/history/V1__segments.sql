-- One row per stretch of time a person spent in one state (issue 15). A change ends the person's open row
-- (to_ms IS NULL) and starts a new one; an offline publisher is a row of its own (status 'offline').
-- Times are Unix epoch milliseconds (UTC); in_call and camera are 1, 0 or NULL (not known).
CREATE TABLE segment (
    id       INTEGER PRIMARY KEY,
    person   TEXT    NOT NULL,
    status   TEXT    NOT NULL,
    activity TEXT    NOT NULL,
    in_call  INTEGER,
    camera   INTEGER,
    source   TEXT    NOT NULL,
    from_ms  INTEGER NOT NULL,
    to_ms    INTEGER
);

-- Every read is one person's time range.
CREATE INDEX segment_person_from ON segment (person, from_ms);
-- Pruning deletes by end time.
CREATE INDEX segment_to ON segment (to_ms);

-- 'alive_ms': the last moment the node was known to run, so a row left open by a crash ends there.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
