/**
 * A compact summary of what the importer read from a document (the `preview`
 * of POST /api/imports), so the secretariat can tell at a glance whether it
 * read the right thing: for a meeting its title, year and first opinions with
 * their responses; for a plan its top-level nodes; for a progress report its
 * period and status table; for an evaluation sheet the project and ratings;
 * for an opinions table its meetings.
 *
 * The API types the document loosely, so every field is read defensively: a
 * missing list is an empty one, a missing value is left out.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { ImportPreview } from '../api/types.js';
import { formatDate, formatFiscalYear, formatFiscalYearRange, formatPeriod } from '../lib/format.js';
import { EVALUATION_RATING_LABELS, MEETING_KIND_LABELS, PLAN_KIND_LABELS, PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from '../lib/labels.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { tableStyles } from '../styles/table.styles.js';
import { importDocumentStyles } from './iken-import-document.styles.js';
import './iken-scroll-box.js';

type Doc<K extends ImportPreview['kind']> = Extract<ImportPreview, { kind: K }>['document'];

/** How many opinions (or items) the summary shows before saying how many more there are. */
const FIRST = 3;
/** How many top-level plan nodes or table meetings are listed. */
const MAX_LISTED = 12;
/** Long texts are cut here; the full text is in the document. */
const MAX_TEXT = 140;

function list<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function clip(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t;
}

/** formatX for a value that may be missing or malformed: null instead of an exception. */
function safe<T>(value: T | null | undefined, format: (v: T) => string): string | null {
  if (value === null || value === undefined) return null;
  try {
    return format(value);
  } catch {
    return String(value);
  }
}

/** One label–value pair of a facts list, left out when the value is empty. */
function fact(label: string, value: string | number | null | undefined): TemplateResult | typeof nothing {
  if (value === null || value === undefined || value === '') return nothing;
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function more(shown: number, total: number, what: string): TemplateResult | typeof nothing {
  return total > shown ? html`<p class="more">ほか ${total - shown} 件の${what}があります。</p>` : nothing;
}

interface PlanNodeLike {
  level?: string;
  code?: string | null;
  title?: string;
  indicators?: unknown[];
  children?: PlanNodeLike[];
}

function countNodes(nodes: readonly PlanNodeLike[]): { nodes: number; indicators: number } {
  let total = { nodes: 0, indicators: 0 };
  for (const node of nodes) {
    const below = countNodes(list(node.children));
    total = { nodes: total.nodes + 1 + below.nodes, indicators: total.indicators + list(node.indicators).length + below.indicators };
  }
  return total;
}

export class IkenImportDocument extends LitElement {
  static override styles = [sharedStyles, tableStyles, importDocumentStyles];

  static override properties = {
    preview: { attribute: false },
  };

  /** The `preview` of an import result. */
  declare preview: ImportPreview | undefined;

  constructor() {
    super();
    this.preview = undefined;
  }

  #meeting(doc: Doc<'meeting_report'>): TemplateResult {
    const opinions = list(doc.opinions);
    const first = opinions.slice(0, FIRST);
    return html`
      <dl class="facts">
        ${fact('会議', doc.title)} ${fact('種別', doc.kind ? MEETING_KIND_LABELS[doc.kind] : null)}
        ${fact('年度', safe(doc.fiscalYear, formatFiscalYear) ?? '不明')} ${fact('開催日', safe(doc.heldOn, formatDate))}
        ${fact('テーマ', doc.theme)} ${fact('意見', `${opinions.length}件`)}
      </dl>
      ${first.length
        ? html`
            <h4 class="sub">最初の意見と対応方針</h4>
            <ol class="opinions">
              ${first.map(
                (o) => html`<li>
                  <p class="opinion"><span class="seq">意見 ${o.seq}</span>${clip(o.text)}</p>
                  <p class="response">
                    <span class="response-label">(対応方針)</span>${o.response?.text
                      ? clip(o.response.text)
                      : html`<span class="none">対応方針なし</span>`}
                  </p>
                </li>`,
              )}
            </ol>
            ${more(first.length, opinions.length, '意見')}
          `
        : html`<p class="none">意見は読み取れませんでした。</p>`}
    `;
  }

  #plan(doc: Doc<'plan'>): TemplateResult {
    const nodes = list(doc.nodes as PlanNodeLike[] | undefined);
    const counts = countNodes(nodes);
    const years = doc.startYear && doc.endYear ? safe(doc.startYear, (s) => formatFiscalYearRange(s, doc.endYear!)) : null;
    const shown = nodes.slice(0, MAX_LISTED);
    return html`
      <dl class="facts">
        ${fact('計画', doc.title)} ${fact('自治体', doc.municipality)} ${fact('種類', doc.kind ? PLAN_KIND_LABELS[doc.kind] : null)}
        ${fact('計画期間', years)} ${fact('ノード', `${counts.nodes}件`)} ${fact('指標', `${counts.indicators}件`)}
      </dl>
      ${shown.length
        ? html`
            <h4 class="sub">最上位の項目</h4>
            <ul class="nodes">
              ${shown.map((n) => {
                const below = countNodes(list(n.children));
                return html`<li>
                  <span class="level">${n.level ?? ''}</span>${n.code ? html`<span class="code">${n.code}</span>` : nothing}${n.title ?? ''}
                  <span class="node-counts">（下の項目 ${below.nodes}件・指標 ${list(n.indicators).length + below.indicators}件）</span>
                </li>`;
              })}
            </ul>
            ${more(shown.length, nodes.length, '最上位の項目')}
          `
        : nothing}
    `;
  }

  #progress(doc: Doc<'progress_report'>): TemplateResult {
    const perspectives = list(doc.perspectives);
    const rows = list(doc.reportedRows);
    const totals = doc.reportedTotals ?? null;
    const items = list(doc.items);
    const period = safe(doc.period, formatPeriod);
    const titleOf = (code: string) => {
      const p = perspectives.find((x) => x.code === code);
      return p ? `${p.code} ${p.title}` : code;
    };
    const caption = `報告された集計表${period ? `（${period}）` : ''}`;
    return html`
      <dl class="facts">
        ${fact('計画', doc.planTitle)} ${fact('自治体', doc.municipality)} ${fact('期間', period)}
        ${fact('取組の視点', `${perspectives.length}件`)} ${fact('状況つきの取組', `${items.length}件`)}
        ${fact('主な事業', `${list(doc.projects).length}件`)}
      </dl>
      ${rows.length || totals
        ? html`
            <iken-scroll-box label=${caption}>
              <table class="data-table">
                <caption>${caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">取組の視点</th>
                    ${PROGRESS_STATUSES.map((s) => html`<th scope="col" class="num">${PROGRESS_STATUS_LABELS[s]}</th>`)}
                    <th scope="col" class="num">合計</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) => html`<tr>
                      <th scope="row">${titleOf(r.perspectiveCode)}</th>
                      ${PROGRESS_STATUSES.map((s) => html`<td class="num">${r.counts?.[s] ?? ''}</td>`)}
                      <td class="num">${r.total}</td>
                    </tr>`,
                  )}
                </tbody>
                ${totals
                  ? html`<tfoot>
                      <tr>
                        <th scope="row">合計</th>
                        ${PROGRESS_STATUSES.map((s) => html`<td class="num">${totals[s]}</td>`)}
                        <td class="num">${totals.total}</td>
                      </tr>
                    </tfoot>`
                  : nothing}
              </table>
            </iken-scroll-box>
          `
        : html`<p class="none">集計表は読み取れませんでした。</p>`}
      ${items.length
        ? html`
            <h4 class="sub">状況つきの取組</h4>
            <ul class="items">
              ${items.slice(0, FIRST).map(
                (i) => html`<li>${i.name}<span class="item-status">…${PROGRESS_STATUS_LABELS[i.status] ?? i.status}</span></li>`,
              )}
            </ul>
            ${more(Math.min(FIRST, items.length), items.length, '取組')}
          `
        : nothing}
    `;
  }

  #evaluation(doc: Doc<'evaluation_sheet'>): TemplateResult {
    const path = list(doc.planPath);
    const ratings = doc.ratings;
    const department = doc.department ? [doc.department.bureau, doc.department.name].filter(Boolean).join(' ') : null;
    return html`
      <dl class="facts">
        ${fact('事業', doc.projectName)} ${fact('事業番号', doc.projectCode)} ${fact('担当課', department)}
        ${fact('計画', doc.planTitle)} ${fact('評価の年度', safe(doc.fiscalYear, formatFiscalYear))}
        ${fact('指標', doc.indicator?.name)}
      </dl>
      ${path.length
        ? html`<p class="plan-path">
            <span class="visually-hidden">計画の体系：</span>${path.map(
              (p, i) => html`${i ? html`<span class="sep" aria-hidden="true"> › </span>` : nothing}<span
                  >${p.level} ${p.code ?? ''} ${p.title}</span
                >`,
            )}
          </p>`
        : nothing}
      ${ratings
        ? html`
            <h4 class="sub">評価</h4>
            <dl class="facts ratings">
              ${(Object.keys(EVALUATION_RATING_LABELS) as Array<keyof typeof EVALUATION_RATING_LABELS>).map((key) =>
                fact(EVALUATION_RATING_LABELS[key], ratings[key]),
              )}
            </dl>
          `
        : nothing}
    `;
  }

  #opinionsTable(doc: Doc<'opinions_table'>): TemplateResult {
    const meetings = list(doc.meetings);
    const shown = meetings.slice(0, MAX_LISTED);
    return html`
      <ul class="meetings">
        ${shown.map((m) => {
          const opinions = list(m.opinions);
          const responses = opinions.filter((o) => o.response).length;
          return html`<li>
            <p class="meeting-title">${m.title}</p>
            <dl class="facts">
              ${fact('年度', safe(m.fiscalYear, formatFiscalYear) ?? '不明')} ${fact('開催日', safe(m.heldOn, formatDate))}
              ${fact('意見', `${opinions.length}件`)} ${fact('対応方針', `${responses}件`)}
            </dl>
          </li>`;
        })}
      </ul>
      ${more(shown.length, meetings.length, '会議')}
    `;
  }

  override render(): TemplateResult | typeof nothing {
    const preview = this.preview;
    if (!preview?.document) return nothing;
    switch (preview.kind) {
      case 'meeting_report':
        return this.#meeting(preview.document);
      case 'plan':
        return this.#plan(preview.document);
      case 'progress_report':
        return this.#progress(preview.document);
      case 'evaluation_sheet':
        return this.#evaluation(preview.document);
      case 'opinions_table':
        return this.#opinionsTable(preview.document);
      default:
        return nothing;
    }
  }
}

customElements.define('iken-import-document', IkenImportDocument);

declare global {
  interface HTMLElementTagNameMap {
    'iken-import-document': IkenImportDocument;
  }
}
