/**
 * 0003: accounts, sessions, public comments.
 *
 * - users / sessions / accounts / verifications: better-auth's tables, with
 *   snake_case columns and integer ids (better-auth runs with
 *   `generateId: 'serial'`). A user has a role and, for a department user, the
 *   department it answers for; `active = 0` bars sign-in.
 * - rate_limits: fixed-window counters (failed sign-ins, public comments),
 *   kept in the database so that every server process and every Worker
 *   isolate sees the same counts.
 * - commenters: who sent a public comment. Personal data, kept apart from the
 *   opinion so that no query for opinions can pick it up by accident.
 * - opinions.duplicate_of: the opinion whose response also answers this one
 *   (form-letter campaigns).
 * - response_events.actor_*: who took each step of a response's workflow.
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const statements: readonly string[] = [
  `CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email_verified INTEGER NOT NULL DEFAULT 0,
    image TEXT,
    role TEXT NOT NULL CHECK (role IN ('secretariat', 'department', 'committee')),
    department_id INTEGER REFERENCES departments(id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT ${now},
    updated_at TEXT NOT NULL DEFAULT ${now},
    CHECK (role <> 'department' OR department_id IS NOT NULL)
  )`,
  `CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    ip_address TEXT,
    user_agent TEXT,
    created_at TEXT NOT NULL DEFAULT ${now},
    updated_at TEXT NOT NULL DEFAULT ${now}
  )`,
  `CREATE INDEX sessions_user ON sessions(user_id)`,
  `CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    access_token TEXT,
    refresh_token TEXT,
    id_token TEXT,
    access_token_expires_at TEXT,
    refresh_token_expires_at TEXT,
    scope TEXT,
    password TEXT,
    created_at TEXT NOT NULL DEFAULT ${now},
    updated_at TEXT NOT NULL DEFAULT ${now}
  )`,
  `CREATE INDEX accounts_user ON accounts(user_id)`,
  `CREATE TABLE verifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    identifier TEXT NOT NULL,
    value TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ${now},
    updated_at TEXT NOT NULL DEFAULT ${now}
  )`,
  `CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE commenters (
    opinion_id INTEGER PRIMARY KEY REFERENCES opinions(id) ON DELETE CASCADE,
    receipt_number TEXT NOT NULL UNIQUE,
    name TEXT,
    email TEXT,
    address TEXT,
    submitted_at TEXT NOT NULL DEFAULT ${now}
  )`,
  `ALTER TABLE opinions ADD COLUMN duplicate_of INTEGER REFERENCES opinions(id) ON DELETE SET NULL`,
  `CREATE INDEX opinions_duplicate_of ON opinions(duplicate_of)`,
  `ALTER TABLE response_events ADD COLUMN actor_id TEXT`,
  `ALTER TABLE response_events ADD COLUMN actor_name TEXT`,
  `ALTER TABLE response_events ADD COLUMN actor_role TEXT`,
];
