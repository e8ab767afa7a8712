/**
 * The parts of a 取組状況の総括 that the plan page's section and the summary
 * page both show, written once: the status table (seed 003's layout), the
 * on-track rate, where the published table and the items' reports
 * disagree, and the CSV / Excel downloads.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../api/api-client.js';
import type { ProgressSummary, SummaryTable } from '../api/types.js';
import { exportLinks } from './export-links.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from './labels.js';
import { summaryDifferences } from './progress-summary.js';
import { groupCaption, onTrackPercent } from '../../../api/lib/status-table.js';
import '../elements/iken-scroll-box.js';

export const SOURCE_LABELS: Record<ProgressSummary['source'], string> = {
  reported: '市が公表した集計表',
  computed: '取組の報告から集計',
};

/** Rows of disagreement listed before the rest are summed up. */
const DIFFERENCES_SHOWN = 6;


/** The status table: a row per group, a column per status, the 合計 row. */
export function summaryTableView(summary: Pick<ProgressSummary, 'groupLabel' | 'rows' | 'totals'>, caption: string): TemplateResult {
  return html`
    <iken-scroll-box label=${caption}>
      <table class="data-table summary-table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${summary.groupLabel}</th>
            ${PROGRESS_STATUSES.map((s) => html`<th scope="col" class="num">${PROGRESS_STATUS_LABELS[s]}</th>`)}
            <th scope="col" class="num">合計</th>
          </tr>
        </thead>
        <tbody>
          ${summary.rows.map(
            (row) => html`<tr>
              <th scope="row">${groupCaption(row.group)}</th>
              ${PROGRESS_STATUSES.map((s) => html`<td class="num">${row.counts[s]}</td>`)}
              <td class="num">${row.total}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr class="totals">
            <th scope="row">合計</th>
            ${PROGRESS_STATUSES.map((s) => html`<td class="num">${summary.totals[s]}</td>`)}
            <td class="num">${summary.totals.total}</td>
          </tr>
        </tfoot>
      </table>
    </iken-scroll-box>
  `;
}

/** Where the published table and the items' reports disagree (only for a published table). */
export function summaryComparisonView(summary: ProgressSummary, computed: SummaryTable | null): TemplateResult | typeof nothing {
  if (summary.source !== 'reported' || !computed) return nothing;
  const differences = summaryDifferences(summary, computed);
  if (!differences.length) return html`<p class="note">取組ごとの報告から集計した件数も、この表と一致しています。</p>`;
  const shown = differences.slice(0, DIFFERENCES_SHOWN);
  return html`
    <div class="note disagreement">
      <p><strong>取組ごとの報告から集計した件数と、次の箇所が一致しません。</strong></p>
      <ul>
        ${shown.map(
          (d) => html`<li>
            <span class="diff-label">${d.label}</span>
            ${d.columns.map((c) => `${c.column}（公表 ${c.reported}件・集計 ${c.computed}件）`).join('、')}
          </li>`,
        )}
      </ul>
      ${differences.length > shown.length ? html`<p>ほか ${differences.length - shown.length} 行が一致しません。</p>` : nothing}
    </div>
  `;
}

/** CSV and Excel of the table on screen (same period and grouping). `id` must be unique in the shadow root. */
export function summaryExportsView(api: ApiClient, summary: ProgressSummary, level: string | undefined, id = 'summary-exports-label'): TemplateResult {
  const query = { planId: summary.planId, period: summary.period, groupBy: summary.groupBy, level: summary.groupBy === 'level' ? level : undefined };
  return exportLinks('この表をダウンロード', id, [
    { href: api.progressSummaryUrl(query, 'csv'), text: 'CSV', download: true, format: 'csv' },
    { href: api.progressSummaryUrl(query, 'xlsx'), text: 'Excel', download: true, format: 'xlsx' },
  ]);
}

export const summaryViewStyles = css`
  .summary-table thead th:first-child {
    width: 40%;
  }

  .summary-table tbody th {
    min-width: 9rem;
  }

  .note {
    margin-top: var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .disagreement {
    padding: var(--space-3) var(--space-4);
    border-left: 4px solid var(--tone-warning-fg);
    background: var(--tone-warning-bg);
    color: var(--tone-warning-fg);
  }

  .disagreement ul {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
  }

  .diff-label {
    margin-right: 0.5em;
    font-weight: 700;
  }

  @media (max-width: 600px) {
    .summary-table tbody th {
      min-width: 5.5rem;
    }
  }
`;
