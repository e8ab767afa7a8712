/**
 * `npm run import -- <files…> [--dry-run] [--kind K]`: imports documents into
 * the database at DATABASE_PATH (./data/app.db by default), each file all or
 * nothing, and prints what was created and what was skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/lib/errors.js';
import { migrateToLatest } from '../db/migrate.js';
import { openSqliteStore } from '../db/sqlite.js';
import { IMPORT_COUNT_LABELS, IMPORT_KIND_LABELS } from '../api/lib/labels.js';
import { IMPORT_KINDS, importDocument, type ImportResult } from './importers/import-document.js';
import type { ImportKind } from './importers/types.js';


const USAGE = `使い方: npm run import -- <ファイル…> [--dry-run] [--kind ${IMPORT_KINDS.join('|')}]
  --dry-run   何も書き込まず、取り込まれる内容だけを表示する
  --kind K    資料の種類を指定する（省略すると内容から判別する）
  データベースは DATABASE_PATH（既定 ./data/app.db）`;

interface Args {
  files: string[];
  dryRun: boolean;
  kind?: ImportKind;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--kind') {
      const kind = argv[++i];
      if (!kind || !IMPORT_KINDS.includes(kind as ImportKind)) throw new Error(`--kind には ${IMPORT_KINDS.join(', ')} のいずれかを指定してください。`);
      args.kind = kind as ImportKind;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`知らないオプションです: ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new Error('取り込むファイルを指定してください。');
  return args;
}

function summary(result: ImportResult): string {
  const made = (Object.keys(IMPORT_COUNT_LABELS) as Array<keyof ImportResult['created']>)
    .filter((k) => result.created[k] > 0)
    .map((k) => `${IMPORT_COUNT_LABELS[k]} ${result.created[k]}件`);
  const verb = result.dryRun ? '作成予定' : '作成';
  return made.length ? `${verb}: ${made.join('、')}` : `${verb}: なし（すべて登録済み）`;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    return 2;
  }
  const store = openSqliteStore(process.env.DATABASE_PATH || './data/app.db');
  await migrateToLatest(store.db);
  let failed = 0;
  try {
    for (const file of args.files) {
      const name = path.basename(file);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(fs.readFileSync(file));
      } catch {
        console.error(`✗ ${name}: ファイルを読めませんでした。`);
        failed++;
        continue;
      }
      try {
        const result = await importDocument(store, null, bytes, { kind: args.kind, dryRun: args.dryRun, fileName: name });
        console.log(`✓ ${name}（${IMPORT_KIND_LABELS[result.kind]}）${args.dryRun ? '［試し取り込み：書き込んでいません］' : ''}`);
        console.log(`  ${summary(result)}`);
        for (const w of result.warnings) console.log(`  注意 ${w.line}行目: ${w.message}`);
      } catch (error) {
        failed++;
        if (error instanceof ApiError) {
          console.error(`✗ ${name}: ${error.message}`);
          for (const d of error.details) console.error(`  ${d.path}: ${d.message}`);
        } else {
          console.error(`✗ ${name}: 取り込み中にエラーが発生しました。何も書き込んでいません。`, error);
        }
      }
    }
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
