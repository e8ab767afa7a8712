/**
 * `npm run backup -- FILE`: a consistent copy of the database at
 * DATABASE_PATH (./data/app.db) into FILE, while the server may be running.
 * `npm run restore -- FILE`: puts FILE in place of that database; the server
 * must be stopped. See db/backup.ts.
 */
import { readSettings } from '../api/settings.js';
import { backupDatabase, restoreDatabase, type BackupSummary } from './backup.js';

const USAGE = [
  '使い方: npm run backup -- ファイル名    （例: npm run backup -- backups/2026-11-22.db）',
  '        npm run restore -- ファイル名   （サーバーを止めてから）',
  '  データベースは DATABASE_PATH（既定 ./data/app.db）',
].join('\n');

function describe(s: BackupSummary): string {
  return `会議 ${s.meetings}件、意見 ${s.opinions}件、対応方針 ${s.responses}件、取組状況 ${s.progressReports}件、アカウント ${s.users}件（${(s.bytes / 1024 / 1024).toFixed(1)} MB）`;
}

function main(): number {
  const [command, file, ...rest] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file || rest.length > 0 || file.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { databasePath } = readSettings(process.env);
    if (command === 'backup') {
      const summary = backupDatabase(databasePath, file);
      console.log(`${databasePath} を ${file} にバックアップしました: ${describe(summary)}`);
    } else {
      const summary = restoreDatabase(file, databasePath);
      console.log(`${file} を ${databasePath} に復元しました: ${describe(summary)}`);
      if (summary.replaced) console.log(`それまでのデータベースは ${summary.replaced} に残しています。`);
      console.log('検索の索引は次の起動で作り直されます。');
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exit(main());
