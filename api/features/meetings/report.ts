/**
 * The 実施結果報告書 of a meeting, as the city prints it (seed 000): the
 * meeting's heading, then one section per measure with its 重点施策名 and
 * 個別施策名, each opinion (○) followed by its (対応方針). The HTML shows what
 * was published; the CSV and Excel versions carry every opinion with its
 * current response and state, in the opinions-table layout the importer reads.
 */
import type { Kysely } from 'kysely';
import { escapeHtml } from '../../../search/snippet.js';
import { formatDate, formatFiscalYear } from '../../lib/japanese-date.js';
import { listOpinions, type OpinionView } from '../../../db/opinions.js';
import type { MeetingView } from '../../../db/meetings.js';
import type { Database } from '../../../db/schema.js';
import type { Visibility } from '../../../db/visibility.js';
import { opinionsTableHeader, opinionsTableRow, OPINIONS_TABLE_COLUMNS } from '../../../seeds/importers/opinions-table.js';

/** Every opinion of the meeting, in order. */
export async function allOpinions(db: Kysely<Database>, meetingId: number, visibility: Visibility): Promise<OpinionView[]> {
  const all: OpinionView[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await listOpinions(db, { meetingId, afterId, limit: 200 }, visibility);
    all.push(...page.items);
    if (!page.nextCursor) break;
    afterId = page.items[page.items.length - 1]!.id;
  }
  return all.sort((a, b) => a.seq - b.seq);
}

interface Section {
  node: OpinionView['nodes'][number] | null;
  opinions: OpinionView[];
}

/** Sections by each opinion's first measure, in plan order; opinions without one last. */
function sections(opinions: OpinionView[]): Section[] {
  const byNode = new Map<number, Section>();
  const loose: Section = { node: null, opinions: [] };
  for (const o of opinions) {
    const node = o.nodes[0];
    if (!node) {
      loose.opinions.push(o);
      continue;
    }
    const section = byNode.get(node.id) ?? { node, opinions: [] };
    section.opinions.push(o);
    byNode.set(node.id, section);
  }
  const collator = new Intl.Collator('ja', { numeric: true });
  const ordered = [...byNode.values()].sort(
    (a, b) => a.node!.planId - b.node!.planId || collator.compare(a.node!.code ?? '', b.node!.code ?? '') || a.node!.id - b.node!.id,
  );
  return loose.opinions.length ? [...ordered, loose] : ordered;
}

function codeTitle(node: { code: string | null; title: string }): string {
  return node.code ? `(${node.code}) ${node.title}` : node.title;
}

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK JP", "Yu Mincho", serif; font-size: 10.5pt; line-height: 1.7; color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
header { text-align: center; margin-bottom: 2em; }
header .year, header .theme { font-weight: bold; }
h1 { font-size: 16pt; margin: .2em 0; }
h2 { font-size: 12pt; border-bottom: 1px solid #111; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #111; padding: .3em .6em; text-align: left; vertical-align: top; }
th { width: 8em; background: #eee; }
.opinion { margin: 0 0 1.2em; break-inside: avoid; }
.opinion p { margin: .2em 0; }
.label { margin-top: .4em; }
.response { padding-left: 1em; }
.pending { color: #444; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** The report as an HTML page, ready to print on A4. */
export function reportHtml(meeting: MeetingView, opinions: OpinionView[]): string {
  const lines: string[] = [];
  lines.push(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  lines.push(`<title>${escapeHtml(meeting.title)}</title><style>${PRINT_CSS}</style></head><body>`);
  lines.push('<header>');
  lines.push(`<p class="year">${formatFiscalYear(meeting.fiscalYear)}</p>`);
  lines.push(`<h1>${escapeHtml(meeting.title)}</h1>`);
  if (meeting.theme) lines.push(`<p class="theme">【テーマ：${escapeHtml(meeting.theme)}】</p>`);
  if (meeting.kind === 'public_comment' && meeting.commentOpensOn && meeting.commentClosesOn)
    lines.push(`<p>意見募集期間　${formatDate(meeting.commentOpensOn)}～${formatDate(meeting.commentClosesOn)}</p>`);
  else if (meeting.heldOn) lines.push(`<p>${formatDate(meeting.heldOn)}</p>`);
  if (meeting.body) lines.push(`<p>${escapeHtml(meeting.body)}</p>`);
  lines.push('</header><main>');
  for (const section of sections(opinions)) {
    lines.push('<section>');
    if (section.node) {
      lines.push(`<h2>${escapeHtml(codeTitle(section.node))}</h2>`);
      lines.push('<p>個別施策に対する意見と対応方針</p>');
      lines.push('<table>');
      if (section.node.parent) lines.push(`<tr><th scope="row">重点施策名</th><td>${escapeHtml(section.node.parent.title)}</td></tr>`);
      lines.push(`<tr><th scope="row">個別施策名</th><td>${escapeHtml(codeTitle(section.node))}</td></tr>`);
      lines.push('</table>');
    } else {
      lines.push('<h2>施策に関連付けられていない意見</h2>');
    }
    for (const o of section.opinions) {
      const published = o.response?.published;
      lines.push('<div class="opinion">');
      lines.push(`<p>○${escapeHtml(o.text)}</p>`);
      lines.push(`<p class="label">${meeting.kind === 'public_comment' ? '(市の考え方)' : '(対応方針)'}</p>`);
      lines.push(
        published
          ? `<p class="response">・${escapeHtml(published.text)}</p>`
          : `<p class="response pending">（${o.response ? '対応方針は作成中です' : '対応方針は未作成です'}）</p>`,
      );
      lines.push('</div>');
    }
    lines.push('</section>');
  }
  lines.push('</main></body></html>');
  return lines.join('\n');
}

/** The report as opinions-table rows (header first), with each opinion's current response and state. */
export function reportRows(meeting: MeetingView, opinions: OpinionView[], planTitles: Map<number, string>): string[][] {
  return [
    opinionsTableHeader(),
    ...opinions.map((o) =>
      opinionsTableRow({
        meetingTitle: meeting.title,
        fiscalYear: meeting.fiscalYear,
        heldOn: meeting.heldOn,
        seq: o.seq,
        planTitle: o.nodes[0] ? (planTitles.get(o.nodes[0].planId) ?? null) : null,
        nodes: o.nodes,
        opinion: o.text,
        response: o.response ? { text: o.response.text, commitment: o.response.commitment, state: o.response.state } : null,
        department: o.department ? [o.department.bureau, o.department.name].filter(Boolean).join(' ') : null,
        dueOn: o.dueOn,
      }),
    ),
  ];
}

export const REPORT_COLUMNS = OPINIONS_TABLE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
