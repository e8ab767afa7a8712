/**
 * The sample dataset written as documents, in the formats the importers read:
 * the plan in the layout of a 総合計画 基本計画 (like seed 001), the committee
 * meeting as an opinions table (CSV, as the service exports it), and the
 * public comment as a 市の考え方 report (like seed 000). Loading the sample is
 * importing these.
 */
import { formatDate, formatFiscalYear } from '../../api/lib/japanese-date.js';
import { toCsv } from '../../api/lib/csv.js';
import { opinionsTableHeader, opinionsTableRow } from '../importers/opinions-table.js';
import type { SampleDataset, SampleIndicator, SampleMeeting, SampleNode, SamplePlan } from './types.js';

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** Target years used anywhere in the plan: the columns of every indicator table. */
function targetYears(plan: SamplePlan): number[] {
  const years = new Set<number>();
  const visit = (nodes: SampleNode[]) =>
    nodes.forEach((n) => {
      n.indicators?.forEach((i) => i.values.filter((v) => v.kind === 'target').forEach((v) => years.add(v.fiscalYear)));
      visit(n.children ?? []);
    });
  visit(plan.nodes);
  return [...years].sort();
}

function indicatorTable(indicators: SampleIndicator[], years: number[]): string[] {
  const lines = [['指標名', '策定時実績値', ...years.map((y) => `目標値 (${y})`)].join('\t')];
  const notes: string[] = [];
  for (const i of indicators) {
    let name = `${i.name}${i.cumulative ? '【累計】' : ''}`;
    if (i.notes) {
      notes.push(`${notes.length + 1}：${i.notes}`);
      name += SUPERSCRIPTS[notes.length - 1];
    }
    const cell = (kind: 'baseline' | 'target', year?: number) =>
      i.values.find((v) => v.kind === kind && (year === undefined || v.fiscalYear === year))?.display ?? '';
    const cells = [name, cell('baseline'), ...years.map((y) => cell('target', y))];
    // A unit no figure shows is written in brackets after the figures, as plans do.
    if (i.unit && !cells.slice(1).some((c) => c.includes(i.unit!))) cells.push(`(${i.unit})`);
    lines.push(cells.join('\t'));
  }
  return [...lines, '', ...notes];
}

/** The plan as a 基本計画 document. */
export function planDocument(plan: SamplePlan): string {
  const years = targetYears(plan);
  const out: string[] = [
    `「${plan.title}」`,
    `計画期間：${formatFiscalYear(plan.startYear)}～${formatFiscalYear(plan.endYear)}`,
    '',
    '重点戦略',
    '',
  ];
  plan.nodes.forEach((strategy, s) => {
    out.push(`重点戦略${s + 1}`, '', strategy.title, '');
    if (strategy.description) out.push('◆基本的な方向性', '', strategy.description, '');
    if (strategy.indicators?.length) out.push('◆数値目標', '', ...indicatorTable(strategy.indicators, years), '');
    (strategy.children ?? []).forEach((measure, m) => {
      out.push(`(${m + 1}) ${measure.title}`, '');
      if (measure.description) out.push('◆基本的な方向性', '', measure.description, '');
      if (measure.children?.length) out.push('◆主な取組', '', ...measure.children.map((c) => c.title), '');
      if (measure.indicators?.length) out.push('◆KPI（重要業績評価指標）', '', ...indicatorTable(measure.indicators, years), '');
    });
  });
  return out.join('\n');
}

/** A meeting as an opinions table (CSV), the same layout as the service's export. */
export function opinionsTableDocument(meeting: SampleMeeting, plan: SamplePlan, departments: SampleDataset['departments']): string {
  const titles = new Map<string, string>();
  const visit = (nodes: SampleNode[]) => nodes.forEach((n) => (titles.set(n.code, n.title), visit(n.children ?? [])));
  visit(plan.nodes);
  const known = new Set(departments.map((d) => `${d.bureau} ${d.name}`));
  const rows = meeting.opinions.map((o) => {
    if (!known.has(o.department)) throw new Error(`sample opinion ${o.seq}: unknown department ${o.department}`);
    return opinionsTableRow({
      meetingTitle: meeting.title,
      fiscalYear: meeting.fiscalYear,
      heldOn: meeting.heldOn,
      seq: o.seq,
      planTitle: o.nodeCodes.length ? plan.title : null,
      nodes: o.nodeCodes.map((code) => ({ code, title: titles.get(code) ?? code })),
      opinion: o.text,
      // The commitment is left to be read from the wording.
      response: { text: o.response.text, state: o.response.state, commitment: 'explain' },
      department: o.department,
      dueOn: o.dueOn,
    });
  });
  const header = opinionsTableHeader();
  const commitmentColumn = header.indexOf('対応区分');
  return toCsv([header, ...rows.map((r) => r.map((cell, i) => (i === commitmentColumn ? '' : cell)))]);
}

/** A public comment's results as a 市の考え方 report. */
export function publicCommentDocument(meeting: SampleMeeting): string {
  const out = [
    formatFiscalYear(meeting.fiscalYear),
    meeting.title,
    ...(meeting.commentOpensOn && meeting.commentClosesOn
      ? [`意見募集期間：${formatDate(meeting.commentOpensOn)}～${formatDate(meeting.commentClosesOn)}`]
      : []),
    ...(meeting.body ? [meeting.body] : []),
    '',
  ];
  for (const o of meeting.opinions) {
    out.push(`○${o.text}`, '(市の考え方)', `・${o.response.text}`, `担当課：${o.department}`, '');
  }
  return out.join('\n');
}
