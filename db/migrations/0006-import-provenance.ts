/**
 * 0006: which import brought an opinion in. A document of many thousand
 * opinions is audited once, as one `import` entry, rather than once per
 * opinion; an opinion's history finds that entry through this column.
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
export const statements: readonly string[] = [`ALTER TABLE opinions ADD COLUMN import_id INTEGER REFERENCES import_sources(id)`];
