/**
 * One fiscal year's 事務事業評価 of a node, laid out like the city's sheet
 * (seed 004): 実施した取組の内容, the コスト (事業費 and its sources, 人件費,
 * トータルコスト, 単位当たりコスト), the four ratings of 評価 (Check) with
 * their reasons, and the 所管部長による総評.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Evaluation, Rating } from '../api/types.js';
import { formatFiscalYear } from '../lib/format.js';
import { EVALUATION_RATING_LABELS, EVALUATION_RATING_MEANINGS, EVALUATION_REASON_LABELS } from '../lib/labels.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { tableStyles } from '../styles/table.styles.js';
import { evaluationSheetStyles } from './iken-evaluation-sheet.styles.js';
import './iken-scroll-box.js';

type Costs = Evaluation['costs'];
type RatingKey = keyof typeof EVALUATION_RATING_LABELS;

const RATING_KEYS: readonly RatingKey[] = ['progress', 'level', 'effectiveness', 'efficiency'];
const NOT_WRITTEN = '記載なし';

/** 101119 → "101,119"; 0.1 → "0.1" (the sheet's figures, with grouping). */
function formatAmount(value: number): string {
  return value.toLocaleString('ja-JP', { maximumFractionDigits: 2 });
}

function amount(value: number | null, unit: string): string {
  return value === null ? NOT_WRITTEN : `${formatAmount(value)} ${unit}`;
}

export class IkenEvaluationSheet extends LitElement {
  static override styles = [sharedStyles, tableStyles, evaluationSheetStyles];

  static override properties = {
    evaluation: { attribute: false },
  };

  declare evaluation: Evaluation | null;

  constructor() {
    super();
    this.evaluation = null;
  }

  /**
   * A row of the cost table. A breakdown row (`sub`, 「うち」) and the basis of
   * the unit cost (`basis`, what it divides by) are left out when the sheet
   * does not give them.
   */
  #costRow(label: string, value: string | null, kind: 'main' | 'sub' | 'basis' | 'total' = 'main'): TemplateResult | typeof nothing {
    if ((kind === 'sub' || kind === 'basis') && value === null) return nothing;
    return html`<tr class=${kind}>
      <th scope="row">${kind === 'sub' ? html`<span class="sub-prefix">うち</span> ${label}` : label}</th>
      <td class="num">${value ?? NOT_WRITTEN}</td>
    </tr>`;
  }

  /** 対象数（市民）: what the unit cost divides by, as the sheet defines it. */
  #targetCount(costs: Costs): string | null {
    if (costs.targetCount === null) return null;
    return `${formatAmount(costs.targetCount)}${costs.targetCountUnit ? ` ${costs.targetCountUnit}` : ''}`;
  }

  #costs(evaluation: Evaluation): TemplateResult {
    const c = evaluation.costs;
    const sub = (value: number | null, unit: string) => (value === null ? null : `${formatAmount(value)} ${unit}`);
    const caption = `コスト（${formatFiscalYear(evaluation.fiscalYear)} 実績）`;
    return html`
      <iken-scroll-box label=${caption}>
        <table class="data-table cost-table">
          <caption>${caption}</caption>
          <thead>
            <tr><th scope="col">項目</th><th scope="col" class="num">金額など</th></tr>
          </thead>
          <tbody>
            ${this.#costRow('事業費合計 (a)', amount(c.projectCost, '千円'))}
            ${this.#costRow('国県支出金', sub(c.nationalPrefecturalFunds, '千円'), 'sub')}
            ${this.#costRow('地方債', sub(c.localBonds, '千円'), 'sub')}
            ${this.#costRow('その他特財', sub(c.otherSpecificRevenue, '千円'), 'sub')}
            ${this.#costRow('一般財源', sub(c.generalRevenue, '千円'), 'sub')}
            ${this.#costRow('人件費合計 (b)', amount(c.personnelCost, '千円'))}
            ${this.#costRow('正規職員', sub(c.staffCount, '人'), 'sub')}
            ${this.#costRow('その他の職員', sub(c.otherStaffCount, '人'), 'sub')}
            ${this.#costRow('トータルコスト (a)+(b)', amount(c.totalCost, '千円'), 'total')}
            ${this.#costRow('単位当たりコスト', amount(c.unitCostYen, '円'))}
            ${this.#costRow(`対象数${c.unitCostBasis ? `（${c.unitCostBasis}）` : ''}`, this.#targetCount(c), 'basis')}
          </tbody>
        </table>
      </iken-scroll-box>
    `;
  }

  #rating(key: RatingKey, rating: Rating, reason: string | null): TemplateResult {
    return html`
      <div class="rating-item">
        <dt>${EVALUATION_RATING_LABELS[key]}</dt>
        <dd>
          <p class="grade-line">
            <span class="grade grade-${rating}" data-rating=${key}>${rating === 'N' ? '—' : rating}</span>
            <span class="meaning">${EVALUATION_RATING_MEANINGS[key][rating]}</span>
          </p>
          ${reason
            ? html`<p class="reason"><span class="reason-label">${EVALUATION_REASON_LABELS[key]}</span>${reason}</p>`
            : nothing}
        </dd>
      </div>
    `;
  }

  override render(): TemplateResult {
    const e = this.evaluation;
    if (!e) return html``;
    const year = formatFiscalYear(e.fiscalYear);
    return html`
      <article class="sheet" aria-labelledby="sheet-heading">
        <h3 id="sheet-heading">${year}の事務事業評価</h3>
        <section class="part" aria-labelledby="do-heading">
          <h4 id="do-heading"><span class="phase">事業実施 (Do)</span>実施した取組の内容</h4>
          <p class="prose">${e.results ?? NOT_WRITTEN}</p>
          ${this.#costs(e)}
        </section>
        <section class="part" aria-labelledby="check-heading">
          <h4 id="check-heading"><span class="phase">評価 (Check)</span>4つの観点による評価</h4>
          <dl class="ratings">${RATING_KEYS.map((key) => this.#rating(key, e.ratings[key], e.reasons[key]))}</dl>
        </section>
        <section class="part" aria-labelledby="action-heading">
          <h4 id="action-heading"><span class="phase">取組内容の改善 (Action)</span>所管部長による総評</h4>
          <p class="prose summary" data-summary>${e.summary ?? NOT_WRITTEN}</p>
        </section>
      </article>
    `;
  }
}

customElements.define('iken-evaluation-sheet', IkenEvaluationSheet);

declare global {
  interface HTMLElementTagNameMap {
    'iken-evaluation-sheet': IkenEvaluationSheet;
  }
}
