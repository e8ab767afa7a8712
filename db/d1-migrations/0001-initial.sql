-- 0001-initial: written from db/migrations/0001-initial.ts by `npm run migrations:d1`. Do not edit; add a new migration.

CREATE TABLE id_sequences (
    name TEXT PRIMARY KEY,
    next_id INTEGER NOT NULL CHECK (next_id > 0)
  );

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

CREATE TABLE batch_guard (
    ok INTEGER NOT NULL,
    CONSTRAINT batch_guard_failed CHECK (ok = 1)
  );

CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    bureau TEXT,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('comprehensive','reform','other')),
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL,
    description TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    CHECK (end_year >= start_year)
  );

CREATE TABLE plan_nodes (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES plan_nodes(id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    code TEXT,
    title TEXT NOT NULL,
    description TEXT,
    search_key TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX plan_nodes_plan ON plan_nodes(plan_id, parent_id, position);

CREATE INDEX plan_nodes_parent ON plan_nodes(parent_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT,
    cumulative INTEGER NOT NULL DEFAULT 0 CHECK (cumulative IN (0,1)),
    direction TEXT NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase','decrease')),
    notes TEXT,
    search_key TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX indicators_node ON indicators(node_id, position);

CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('baseline','target','actual')),
    value REAL,
    display TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (indicator_id, fiscal_year, kind)
  );

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('committee','public_comment')),
    fiscal_year INTEGER NOT NULL,
    held_on TEXT,
    theme TEXT,
    comment_opens_on TEXT,
    comment_closes_on TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX meetings_year ON meetings(fiscal_year, held_on);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    seq INTEGER NOT NULL CHECK (seq > 0),
    text TEXT NOT NULL,
    text_key TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id),
    due_on TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (meeting_id, seq)
  );

CREATE INDEX opinions_department ON opinions(department_id, id);

CREATE TABLE opinion_nodes (
    opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
    PRIMARY KEY (opinion_id, node_id)
  ) WITHOUT ROWID;

CREATE INDEX opinion_nodes_node ON opinion_nodes(node_id, opinion_id);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL UNIQUE REFERENCES opinions(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    text_key TEXT NOT NULL DEFAULT '',
    department_id INTEGER REFERENCES departments(id),
    state TEXT NOT NULL CHECK (state IN ('draft','submitted','returned','approved','published')),
    commitment TEXT NOT NULL CHECK (commitment IN ('implement','continue','consider','difficult','explain')),
    commitment_overridden INTEGER NOT NULL DEFAULT 0 CHECK (commitment_overridden IN (0,1)),
    version INTEGER NOT NULL CHECK (version > 0),
    published_version INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX responses_state ON responses(state, commitment);

CREATE TABLE response_versions (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id),
    commitment TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (response_id, version)
  );

CREATE TABLE response_events (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    comment TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX response_events_response ON response_events(response_id, id);

CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER REFERENCES opinions(id) ON DELETE CASCADE,
    node_id INTEGER REFERENCES plan_nodes(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done','on_track','delayed','not_started','suspended')),
    note TEXT,
    evidence_url TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    CHECK ((opinion_id IS NULL) <> (node_id IS NULL))
  );

CREATE INDEX progress_opinion ON progress_reports(opinion_id, period, id);

CREATE INDEX progress_node ON progress_reports(node_id, period, id);

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    rating_progress TEXT NOT NULL CHECK (rating_progress IN ('A','B','C','N')),
    rating_level TEXT NOT NULL CHECK (rating_level IN ('A','B','C','N')),
    rating_effectiveness TEXT NOT NULL CHECK (rating_effectiveness IN ('A','B','C','N')),
    rating_efficiency TEXT NOT NULL CHECK (rating_efficiency IN ('A','B','C','N')),
    reasons TEXT NOT NULL DEFAULT '{}',
    costs TEXT NOT NULL DEFAULT '{}',
    results TEXT,
    summary TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (node_id, fiscal_year)
  );

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    actor_id TEXT,
    actor_role TEXT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    opinion_id INTEGER,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
  );

CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);

CREATE INDEX audit_opinion ON audit_log(opinion_id, id);
