/**
 * A plan's page (/plans/:id): the plan, its 取組状況の総括 (the status
 * table of the latest period, iken-progress-summary), then its tree laid out like the
 * printed 基本計画: each 重点戦略 with its direction, 数値目標 and 施策; each
 * 施策 with its direction, 主な取組 and KPI. Nodes of other levels, at any
 * depth, are shown as nested lists. Each node's title links to its own page
 * (/nodes/:id); the #node-N anchors stay for links into the plan.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { PlanDetail, PlanNode } from '../api/types.js';
import { formatFiscalYearRange } from '../lib/format.js';
import { targetYearsOf } from '../lib/indicators.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { planPageStyles } from './iken-plan-page.styles.js';
import './iken-indicator-table.js';
import './iken-node-list.js';
import './iken-progress-summary.js';

/** The levels with a layout of their own (as the 総合計画 names them). */
const STRATEGY = '重点戦略';
const MEASURE = '施策';
const INITIATIVE = '主な取組';

const ERROR_TITLE = '計画を表示できません';

/** Heading tags by level: a 施策 is an h3 inside a 重点戦略, an h2 on its own. */
const HEADINGS: Record<2 | 3, { heading: StaticValue; label: StaticValue }> = {
  2: { heading: literal`h2`, label: literal`h3` },
  3: { heading: literal`h3`, label: literal`h4` },
};

/** The element with `id` in `root` or in any shadow root below it (nested node lists draw their own). */
function findDeep(root: ParentNode, id: string): HTMLElement | null {
  const found = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot ? findDeep(el.shadowRoot, id) : null;
    if (inner) return inner;
  }
  return null;
}

function code(value: string | null): TemplateResult | typeof nothing {
  return value ? html`<span class="code">${value}</span>` : nothing;
}

export class IkenPlanPage extends LitElement {
  static override styles = [sharedStyles, planPageStyles];

  static override properties = {
    planId: { type: Number, attribute: 'plan-id' },
  };

  /** The plan to show. */
  declare planId: number;

  readonly #api: ApiHandle;
  readonly #plan: Task<[unknown, number], { plan: PlanDetail; targetYears: number[] }>;
  /** Set once the node named by the address's fragment has been looked for. */
  #targetDone = false;

  constructor() {
    super();
    this.planId = 0;
    this.#api = consumeApi(this);
    this.#plan = new Task(this, {
      task: async ([, id], { signal }) => {
        // No id yet: the app sets it right after creating the element.
        if (!id) return initialState;
        const plan = await requireApi(this.#api).getPlan(id, signal);
        return { plan, targetYears: targetYearsOf(plan.nodes) };
      },
      args: () => [this.#api.value, this.planId],
    });
    new PageReadyController(this, () => {
      if (this.#plan.status === TaskStatus.COMPLETE) return this.#plan.value?.plan.title ?? null;
      return this.#plan.status === TaskStatus.ERROR ? ERROR_TITLE : null;
    });
  }

  /**
   * A link to one node (#node-12, from a search hit or a suggestion) scrolls
   * there once the tree is on screen. The shadow roots keep the browser from
   * finding the fragment itself; scroll anchoring then keeps the node in view
   * while the 総括 above it loads.
   */
  override updated(): void {
    if (this.#targetDone || this.#plan.status !== TaskStatus.COMPLETE) return;
    this.#targetDone = true;
    const id = /^#(node-[1-9][0-9]*)$/.exec(location.hash)?.[1];
    if (!id) return;
    // Nested lists render a frame later, inside their own shadow roots.
    requestAnimationFrame(() => {
      const target = findDeep(this.renderRoot, id);
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      // A ring for a moment shows which entry the link meant (a ring, not a
      // ground colour, so the white text of a 重点戦略 heading stays legible).
      target.animate([{ boxShadow: '0 0 0 4px #b35c00' }, { boxShadow: '0 0 0 4px transparent' }], { duration: 3000, easing: 'ease-in' });
    });
  }

  /** Nodes of the given level, and the rest (shown as generic lists). */
  #split(nodes: PlanNode[], level: string): [PlanNode[], PlanNode[]] {
    return [nodes.filter((n) => n.level === level), nodes.filter((n) => n.level !== level)];
  }

  #others(nodes: PlanNode[], targetYears: number[]): TemplateResult | typeof nothing {
    return nodes.length
      ? html`<iken-node-list root .nodes=${nodes} .targetYears=${targetYears}></iken-node-list>`
      : nothing;
  }

  #measure(node: PlanNode, level: 2 | 3, targetYears: number[]): TemplateResult {
    const tags = HEADINGS[level];
    const [initiatives, others] = this.#split(node.children, INITIATIVE);
    const headingId = `node-${node.id}`;
    return staticHtml`
      <section class="measure" aria-labelledby=${headingId}>
        <${tags.heading} id=${headingId}>${code(node.code)}<a class="node-link" href="/nodes/${node.id}">${node.title}</a></${tags.heading}>
        ${node.description
          ? staticHtml`<${tags.label} class="block-label">基本的な方向性</${tags.label}><p class="description">${node.description}</p>`
          : nothing}
        ${initiatives.length
          ? staticHtml`
              <${tags.label} class="block-label">主な取組</${tags.label}>
              <ul class="initiatives">
                ${initiatives.map(
                  (i) => html`<li id="node-${i.id}">
                    ${code(i.code)}<a class="node-link" href="/nodes/${i.id}">${i.title}</a>
                    ${i.description ? html`<p class="initiative-description">${i.description}</p>` : nothing}
                    ${this.#others(i.children, targetYears)}
                  </li>`,
                )}
              </ul>
            `
          : nothing}
        ${node.indicators.length
          ? html`<iken-indicator-table
              .indicators=${node.indicators}
              .targetYears=${targetYears}
              caption=${`KPI（重要業績評価指標）${node.code ? `：${node.code}` : ''}`}
            ></iken-indicator-table>`
          : nothing}
        ${this.#others(others, targetYears)}
      </section>
    `;
  }

  #strategy(node: PlanNode, targetYears: number[]): TemplateResult {
    const [measures, others] = this.#split(node.children, MEASURE);
    const headingId = `node-${node.id}`;
    const label = `${node.level}${node.code ?? ''}`;
    return html`
      <section class="strategy" aria-labelledby=${headingId}>
        <h2 id=${headingId}><span class="strategy-label">${label}</span> <a class="node-link" href="/nodes/${node.id}">${node.title}</a></h2>
        ${node.description
          ? html`<h3 class="block-label">基本的な方向性</h3>
              <p class="description">${node.description}</p>`
          : nothing}
        ${node.indicators.length
          ? html`<iken-indicator-table
              .indicators=${node.indicators}
              .targetYears=${targetYears}
              caption=${`数値目標：${label}`}
            ></iken-indicator-table>`
          : nothing}
        ${measures.map((measure) => this.#measure(measure, 3, targetYears))} ${this.#others(others, targetYears)}
      </section>
    `;
  }

  /** Top-level nodes in their order; runs of generic nodes share one list. */
  #tree(nodes: PlanNode[], targetYears: number[]): unknown[] {
    const out: unknown[] = [];
    let run: PlanNode[] = [];
    const flush = () => {
      if (run.length) out.push(this.#others(run, targetYears));
      run = [];
    };
    for (const node of nodes) {
      if (node.level === STRATEGY || node.level === MEASURE) {
        flush();
        out.push(node.level === STRATEGY ? this.#strategy(node, targetYears) : this.#measure(node, 2, targetYears));
      } else {
        run.push(node);
      }
    }
    flush();
    return out;
  }

  #content(): unknown {
    return this.#plan.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => html`
        <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
        ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
      `,
      complete: ({ plan, targetYears }) => html`
        <div class="page-header">
          <p class="eyebrow">${PLAN_KIND_LABELS[plan.kind]}</p>
          <h1 tabindex="-1">${plan.title}</h1>
          <dl class="facts">
            <div><dt>自治体</dt><dd>${plan.municipality}</dd></div>
            <div><dt>計画期間</dt><dd>${formatFiscalYearRange(plan.startYear, plan.endYear)}</dd></div>
          </dl>
          ${plan.description ? html`<p class="plan-description">${plan.description}</p>` : nothing}
        </div>
        <iken-progress-summary .planId=${plan.id}></iken-progress-summary>
        ${plan.nodes.length
          ? this.#tree(plan.nodes, targetYears)
          : html`<p class="empty">この計画には、まだ施策が登録されていません。</p>`}
      `,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#plan)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-plan-page', IkenPlanPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-plan-page': IkenPlanPage;
  }
}
