/**
 * One entry for every import: the API (`POST /api/imports`), the CLI
 * (`npm run import`) and the sample data all come through here.
 *
 * A document is read (text in UTF-8 or Shift_JIS, or an Excel workbook), its
 * kind detected unless given, parsed, and written as ONE batch — all of it or
 * nothing. The same bytes imported again create nothing (their SHA-256 is
 * kept), and documents that overlap (a plan already there, a meeting already
 * there) only add what is missing. A dry run builds the same batch and
 * returns what it would create, without writing.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../api/lib/errors.js';
import { IMPORT_KIND_LABELS } from '../../api/lib/labels.js';
import { parseDelimited } from '../../api/lib/csv.js';
import { readXlsx } from '../../api/lib/xlsx.js';
import type { Store } from '../../db/store.js';
import { runWrite, WritePlan, type Actor } from '../../db/write-plan.js';
import { evaluationSheetScore, parseEvaluationSheet } from './evaluation-sheet-parser.js';
import { emptyCounts, ImportContext, type CreatedCounts, type CreatedIds } from './import-context.js';
import { meetingReportScore, parseMeetingReport } from './meeting-report-parser.js';
import { NodeFinder, writeMeeting, type OpinionToWrite } from './meeting-writer.js';
import { decodeText, opinionsTableScore, parseOpinionsTable, type ParsedOpinionsTable } from './opinions-table.js';
import { planScore, parsePlan } from './plan-parser.js';
import { ensureNodePath, ensurePlan, mergeNodes } from './plan-writer.js';
import { parseProgressReport, progressReportScore } from './progress-report-parser.js';
import { writeProgressReport } from './progress-report-writer.js';
import { writeEvaluationSheet } from './evaluation-sheet-writer.js';
import type {
  ImportKind,
  ImportWarning,
  ParsedEvaluation,
  ParsedMeeting,
  ParsedPlan,
  ParsedProgressReport,
} from './types.js';

export const IMPORT_KINDS: readonly ImportKind[] = ['meeting_report', 'plan', 'progress_report', 'evaluation_sheet', 'opinions_table'];


export type ImportPreview =
  | { kind: 'meeting_report'; document: ParsedMeeting }
  | { kind: 'plan'; document: ParsedPlan }
  | { kind: 'progress_report'; document: ParsedProgressReport }
  | { kind: 'evaluation_sheet'; document: ParsedEvaluation }
  | { kind: 'opinions_table'; document: ParsedOpinionsTable };

export interface ImportResult {
  kind: ImportKind;
  dryRun: boolean;
  /** True when these exact bytes were imported before (nothing is created). */
  alreadyImported: boolean;
  created: CreatedCounts;
  ids: CreatedIds;
  warnings: ImportWarning[];
  /** What was read from the document. */
  preview: ImportPreview;
}

export interface ImportOptions {
  kind?: ImportKind;
  dryRun?: boolean;
  /** For the import log and messages. */
  fileName?: string;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Largest prose document (report, plan, progress report, evaluation sheet), in characters. */
export const MAX_PROSE_CHARS = 1_000_000;

/** Everything a document can be read as before its kind is known. */
interface Decoded {
  text: string | null;
  /** Rows when the document is a table (CSV text or an Excel sheet). */
  rows: Array<{ line: number; cells: string[] }> | null;
  isWorkbook: boolean;
}

async function decode(bytes: Uint8Array): Promise<Decoded> {
  if (ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    try {
      return { text: null, rows: await readXlsx(bytes), isWorkbook: true };
    } catch {
      throw new ApiError('validation_failed', 'Excel ファイル（.xlsx）として読み取れませんでした。ファイルが壊れていないか確認してください。');
    }
  }
  const decoded = decodeText(bytes);
  // One kind of line end for every parser: CRLF (Windows) and a lone CR (old Mac) become LF.
  const text = decoded?.replace(/\r\n?/g, '\n') ?? null;
  if (text === null)
    // The Content-Type was acceptable; it is the content that cannot be read: a 400, not a 415.
    throw new ApiError(
      'validation_failed',
      '読み取れない形式のファイルです。テキスト（UTF-8 または Shift_JIS）、CSV、Excel（.xlsx）のいずれかを指定してください。',
    );
  if (text.trim() === '') throw new ApiError('validation_failed', '資料が空です。');
  const looksTabular = /^[^\n]*,[^\n]*,/.test(text) || /^[^\n]*\t[^\n]*\t/.test(text);
  return { text, rows: looksTabular ? parseDelimited(text) : null, isWorkbook: false };
}

/** The kind a document most looks like, or an error naming the kinds when none fits. */
function detectKind(doc: Decoded): ImportKind {
  if (doc.isWorkbook) return 'opinions_table';
  const text = doc.text ?? '';
  const scores: Array<[ImportKind, number]> = [
    ['opinions_table', doc.rows ? opinionsTableScore(doc.rows) : 0],
    ['meeting_report', meetingReportScore(text)],
    ['plan', planScore(text)],
    ['progress_report', progressReportScore(text)],
    ['evaluation_sheet', evaluationSheetScore(text)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, score] = scores[0]!;
  if (score < 0.3)
    throw new ApiError(
      'validation_failed',
      `資料の種類を判別できませんでした。kind に ${IMPORT_KINDS.join(', ')} のいずれかを指定してください。`,
      [{ path: 'kind', message: '資料の種類を指定してください。' }],
    );
  return best;
}

function notReadable(kind: ImportKind, warnings: ImportWarning[]): ApiError {
  return new ApiError(
    'validation_failed',
    `${IMPORT_KIND_LABELS[kind]}として読み取れませんでした。`,
    warnings.map((w) => ({ path: `line ${w.line}`, message: w.message })),
  );
}

/** Parses the document as `kind`; an error when nothing of that kind is in it. */
function parse(kind: ImportKind, doc: Decoded): { preview: ImportPreview; warnings: ImportWarning[] } {
  const text = doc.text ?? '';
  switch (kind) {
    case 'opinions_table': {
      const rows = doc.rows ?? parseDelimited(text);
      const r = parseOpinionsTable(rows);
      if (!r.value) throw notReadable(kind, r.warnings);
      return { preview: { kind, document: r.value }, warnings: r.warnings };
    }
    case 'meeting_report': {
      const r = parseMeetingReport(text);
      if (!r.value) throw notReadable(kind, r.warnings);
      return { preview: { kind, document: r.value }, warnings: r.warnings };
    }
    case 'plan': {
      const r = parsePlan(text);
      if (!r.value) throw notReadable(kind, r.warnings);
      return { preview: { kind, document: r.value }, warnings: r.warnings };
    }
    case 'progress_report': {
      const r = parseProgressReport(text);
      if (!r.value) throw notReadable(kind, r.warnings);
      return { preview: { kind, document: r.value }, warnings: r.warnings };
    }
    case 'evaluation_sheet': {
      const r = parseEvaluationSheet(text);
      if (!r.value) throw notReadable(kind, r.warnings);
      return { preview: { kind, document: r.value }, warnings: r.warnings };
    }
  }
}

async function write(ctx: ImportContext, preview: ImportPreview): Promise<void> {
  switch (preview.kind) {
    case 'meeting_report': {
      const m = preview.document;
      const finder = new NodeFinder(ctx);
      const opinions: OpinionToWrite[] = [];
      // Measures no plan has yet go into one plan named after the report, so the report keeps its sections.
      const fallbackPlan = { title: `${m.title}の施策`, municipality: null, kind: 'other' as const, startYear: m.fiscalYear, endYear: m.fiscalYear };
      for (const o of m.opinions) {
        let nodeIds: number[] = [];
        if (o.measure) {
          let id = await finder.byTitle(o.measure.measureTitle, o.measure.strategyTitle);
          if (id === null) {
            const plan = await ensurePlan(ctx, fallbackPlan, o.line);
            id = await ensureNodePath(ctx, plan.id, [
              ...(o.measure.strategyTitle ? [{ level: '重点施策', code: null, title: o.measure.strategyTitle }] : []),
              { level: '個別施策', code: o.measure.measureNumber, title: o.measure.measureTitle },
            ]);
            if (plan.created) ctx.warn(o.line, `個別施策「${o.measure.measureTitle}」がどの計画にも見つからないため、新しい計画「${fallbackPlan.title}」に登録しました。計画を取り込んだあとで付け替えられます。`);
          }
          if (id !== null) nodeIds = [id];
        }
        opinions.push({ seq: o.seq, text: o.text, nodeIds, department: o.department, dueOn: o.dueOn, response: o.response ? { ...o.response, commitment: null } : null, line: o.line });
      }
      await writeMeeting(ctx, { ...m, line: 1 }, opinions);
      return;
    }
    case 'opinions_table': {
      const finder = new NodeFinder(ctx);
      for (const meeting of preview.document.meetings) {
        const opinions: OpinionToWrite[] = [];
        for (const o of meeting.opinions) {
          const nodeIds: number[] = [];
          for (const ref of o.nodes) {
            let id = (ref.code ? await finder.byCode(ref.code, o.planTitle) : null) ?? (ref.title ? await finder.byTitle(ref.title, null, o.planTitle) : null);
            if (id === null && ref.title) {
              // Into an empty database the table brings its measures with it, under the plan it names.
              const plan = await ensurePlan(ctx, { title: o.planTitle ?? '（計画名なし）', municipality: null, kind: 'other', startYear: meeting.fiscalYear, endYear: meeting.fiscalYear }, o.line);
              id = await ensureNodePath(ctx, plan.id, [{ level: '施策', code: ref.code, title: ref.title }]);
              ctx.warn(o.line, `施策「${[ref.code, ref.title].filter(Boolean).join(' ')}」が計画「${o.planTitle ?? '（計画名なし）'}」に見つからないため、新しく登録しました。`);
            }
            if (id === null) ctx.warn(o.line, `施策「${ref.code ?? ''}」に当たる計画のノードが見つからないため、結び付けませんでした。`);
            else nodeIds.push(id);
          }
          opinions.push({ seq: o.seq, text: o.text, nodeIds, department: o.department, dueOn: o.dueOn, response: o.response, line: o.line });
        }
        const first = meeting.opinions[0]!;
        await writeMeeting(
          ctx,
          {
            title: meeting.title,
            body: null,
            kind: 'committee',
            fiscalYear: meeting.fiscalYear,
            heldOn: meeting.heldOn,
            theme: null,
            commentOpensOn: null,
            commentClosesOn: null,
            line: first.line,
          },
          opinions,
        );
      }
      return;
    }
    case 'plan': {
      const p = preview.document;
      const plan = await ensurePlan(ctx, p, 1);
      await mergeNodes(ctx, plan.id, p.nodes, plan.created);
      return;
    }
    case 'progress_report':
      return writeProgressReport(ctx, preview.document);
    case 'evaluation_sheet':
      return writeEvaluationSheet(ctx, preview.document);
  }
}

function titleOf(preview: ImportPreview): string {
  switch (preview.kind) {
    case 'meeting_report':
      return preview.document.title;
    case 'plan':
      return preview.document.title;
    case 'progress_report':
      return preview.document.planTitle;
    case 'evaluation_sheet':
      return preview.document.projectName;
    case 'opinions_table':
      return preview.document.meetings.map((m) => m.title).join('、');
  }
}

/** Imports one document. Throws ApiError (4xx) for a document that cannot be read. */
export async function importDocument(store: Store, actor: Actor | null, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.length === 0) throw new ApiError('validation_failed', '資料が空です。ファイルを選ぶか、本文を貼り付けてください。');
  const doc = await decode(bytes);
  const kind = options.kind ?? detectKind(doc);
  if (kind !== 'opinions_table' && doc.isWorkbook)
    throw new ApiError('validation_failed', `Excel ファイルは意見の一覧表（opinions_table）としてだけ取り込めます。`, [{ path: 'kind', message: 'opinions_table を指定してください。' }]);
  // Prose documents of a few hundred pages are well under this; a larger one is not a plan or a report
  // but a mistake, and reading it would hold the server for a long time.
  if (kind !== 'opinions_table' && (doc.text?.length ?? 0) > MAX_PROSE_CHARS)
    throw new ApiError(
      'payload_too_large',
      `${IMPORT_KIND_LABELS[kind]}として取り込める資料は${MAX_PROSE_CHARS / 1_000_000}百万文字までです。資料を分けて取り込んでください。`,
    );
  const { preview, warnings: parseWarnings } = parse(kind, doc);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dryRun = options.dryRun ?? false;

  // The same bytes read as another kind are another import (a mistaken kind must not block the right one).
  const earlier = await store.db.selectFrom('import_sources').select(['created_at']).where('sha256', '=', sha256).where('kind', '=', kind).executeTakeFirst();
  if (earlier) {
    return {
      kind,
      dryRun,
      alreadyImported: true,
      created: emptyCounts(),
      ids: { meetingIds: [], planIds: [], nodeIds: [] },
      warnings: [...parseWarnings, { line: 1, message: `この資料は ${earlier.created_at.slice(0, 10)} に取り込み済みのため、何も作成しませんでした。` }],
      preview,
    };
  }

  const build = async (w: WritePlan) => {
    // The import's own row comes first: what it creates refers to it.
    const importId = await w.reserveId('import_sources');
    const title = options.fileName ?? titleOf(preview);
    w.add(w.db.insertInto('import_sources').values({ id: importId, kind, sha256, title, summary: '{}' }));
    const ctx = new ImportContext(w, importId);
    ctx.warnings.push(...parseWarnings);
    await write(ctx, preview);
    w.add(w.db.updateTable('import_sources').set({ summary: JSON.stringify(ctx.created) }).where('id', '=', importId));
    // One audit entry for the whole document, however many rows it brought: who imported what, and what it created.
    w.audit({ entity: 'import', entityId: importId, action: 'import', after: { kind, title, created: ctx.created } });
    return ctx;
  };
  const ctx = dryRun ? await build(new WritePlan(store, actor)) : await runWrite(store, actor, build);
  // A dry run's ids were only reserved, never written: they would mislead.
  const ids = dryRun ? { meetingIds: [], planIds: [], nodeIds: [] } : ctx.ids;
  return { kind, dryRun, alreadyImported: false, created: ctx.created, ids, warnings: ctx.warnings, preview };
}
