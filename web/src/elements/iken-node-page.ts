/**
 * A plan node's page (/nodes/:id): where it sits in the plan (breadcrumbs),
 * its title, code and description, its indicators (the table, then a chart
 * and the figures by year for each), its progress per period, its
 * 事務事業評価 sheet for each fiscal year (newest first), the nodes below it
 * and the opinions linked to it or to a node below it.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Evaluation, NodeDetail, NodeOpinion } from '../api/types.js';
import { progressBadge, responseStateBadge } from '../lib/badges.js';
import { breadcrumbs, breadcrumbStyles, type Crumb } from '../lib/breadcrumbs.js';
import { codeAndTitle, excerpt, formatDepartment, formatFiscalYear } from '../lib/format.js';
import { indicatorTitle } from '../lib/indicator-chart.js';
import { PROGRESS_STATUS_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { nodePageStyles } from './iken-node-page.styles.js';
import './iken-evaluation-sheet.js';
import './iken-indicator-chart.js';
import './iken-indicator-table.js';
import './iken-progress-panel.js';

const ERROR_TITLE = '計画の項目を表示できません';

interface NodePageData {
  node: NodeDetail;
  /** Newest fiscal year first: the sheet a reader looks for is the latest. */
  evaluations: Evaluation[];
}

/** The fiscal years with a target, for the table's 目標値 columns. */
function targetYears(node: NodeDetail): number[] {
  const years = new Set<number>();
  for (const indicator of node.indicators) for (const v of indicator.values) if (v.kind === 'target') years.add(v.fiscalYear);
  return [...years].sort((a, b) => a - b);
}

export class IkenNodePage extends LitElement {
  static override styles = [sharedStyles, breadcrumbStyles, nodePageStyles];

  static override properties = {
    nodeId: { type: Number, attribute: 'node-id' },
  };

  /** The node to show. */
  declare nodeId: number;

  readonly #api: ApiHandle;
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  readonly #data: Task<[unknown, number], NodePageData>;

  constructor() {
    super();
    this.nodeId = 0;
    this.#api = consumeApi(this);
    this.#data = new Task(this, {
      task: async ([, id], { signal }) => {
        if (!id) return initialState;
        const api = requireApi(this.#api);
        const [node, evaluations] = await Promise.all([api.getNode(id, signal), api.listEvaluations(id, signal)]);
        return { node, evaluations: [...evaluations].sort((a, b) => b.fiscalYear - a.fiscalYear) };
      },
      args: () => [this.#api.value, this.nodeId],
    });
    new PageReadyController(this, () => {
      if (this.#data.status === TaskStatus.COMPLETE) {
        const node = this.#data.value?.node;
        return node ? codeAndTitle(node) : null;
      }
      return this.#data.status === TaskStatus.ERROR ? ERROR_TITLE : null;
    });
  }

  #crumbs(node: NodeDetail): Crumb[] {
    return [
      { text: node.plan.title, href: `/plans/${node.plan.id}` },
      ...node.ancestors.map((a) => ({ text: codeAndTitle(a), href: `/nodes/${a.id}` })),
      { text: codeAndTitle(node) },
    ];
  }

  #indicators(node: NodeDetail): TemplateResult {
    return html`
      <section class="block" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">指標</h2>
        ${node.indicators.length
          ? html`
              <iken-indicator-table
                .indicators=${node.indicators}
                .targetYears=${targetYears(node)}
                charts="none"
                caption=${`${node.code ?? node.title} の指標`}
              ></iken-indicator-table>
              ${node.indicators.map(
                (indicator) => html`<section class="indicator" aria-labelledby="indicator-${indicator.id}">
                  <h3 id="indicator-${indicator.id}">${indicatorTitle(indicator)}</h3>
                  ${indicator.notes ? html`<p class="note">※${indicator.notes}</p>` : nothing}
                  <iken-indicator-chart .indicator=${indicator}></iken-indicator-chart>
                </section>`,
              )}
            `
          : html`<p class="empty">この項目には指標がありません。</p>`}
      </section>
    `;
  }

  #progress(node: NodeDetail): TemplateResult {
    // The secretariat, or the department responsible for the node (its own or inherited); the API checks again.
    const me = (this.#session.value ?? ANONYMOUS).me;
    const canReport = me?.role === 'secretariat' || (me?.role === 'department' && me.departmentId !== null && me.departmentId === node.department?.id);
    return html`
      <section class="block" aria-labelledby="progress-heading">
        <h2 id="progress-heading">取組状況</h2>
        <iken-progress-panel target="node" .itemId=${node.id} ?can-report=${canReport}></iken-progress-panel>
      </section>
    `;
  }

  #evaluations(evaluations: Evaluation[]): TemplateResult {
    return html`
      <section class="block" aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading">事務事業評価</h2>
        ${evaluations.length
          ? html`
              ${evaluations.length > 1
                ? html`<p class="lead">${evaluations.map((e) => formatFiscalYear(e.fiscalYear)).join('、')}の評価があります（新しい年度から）。</p>`
                : nothing}
              <ul class="sheets">
                ${evaluations.map((e) => html`<li><iken-evaluation-sheet .evaluation=${e}></iken-evaluation-sheet></li>`)}
              </ul>
            `
          : html`<p class="empty">この項目の事務事業評価は、まだ登録されていません。</p>`}
      </section>
    `;
  }

  #children(node: NodeDetail): TemplateResult | typeof nothing {
    if (!node.children.length) return nothing;
    return html`
      <section class="block" aria-labelledby="children-heading">
        <h2 id="children-heading">下位の項目</h2>
        <ul class="children">
          ${node.children.map(
            (child) => html`<li>
              <span class="level">${child.level}</span>
              <a href="/nodes/${child.id}">${codeAndTitle(child)}</a>
            </li>`,
          )}
        </ul>
      </section>
    `;
  }

  #opinion(opinion: NodeOpinion): TemplateResult {
    return html`
      <li>
        <p class="opinion-source">
          <a href="/opinions/${opinion.id}">${opinion.meetingTitle}　No.${opinion.seq}</a>
        </p>
        <p class="opinion-text">${excerpt(opinion.text, 120)}</p>
        <p class="opinion-badges">
          ${opinion.responseState ? html`<span class="badge-label">対応方針</span>${responseStateBadge(opinion.responseState)}` : nothing}
          ${opinion.latestStatus
            ? html`<span class="badge-label">取組状況</span>${progressBadge(opinion.latestStatus, PROGRESS_STATUS_LABELS[opinion.latestStatus])}`
            : nothing}
        </p>
      </li>
    `;
  }

  #opinions(node: NodeDetail): TemplateResult {
    return html`
      <section class="block" aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">結び付いた意見</h2>
        ${node.opinions.length
          ? html`<p class="lead">この項目と、その下位の項目に結び付いた意見です（${node.opinions.length}件）。</p>
              <ul class="opinions">${node.opinions.map((o) => this.#opinion(o))}</ul>`
          : html`<p class="empty">この項目に結び付いた意見はありません。</p>`}
      </section>
    `;
  }

  #content(): unknown {
    return this.#data.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => html`
        <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
        ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
      `,
      complete: ({ node, evaluations }) => html`
        ${breadcrumbs(this.#crumbs(node))}
        <div class="page-header">
          <p class="eyebrow">${node.level}</p>
          <h1 tabindex="-1">${node.code ? html`<span class="code">${node.code}</span>` : nothing}${node.title}</h1>
          <dl class="facts">
            <div><dt>計画</dt><dd><a href="/plans/${node.plan.id}#node-${node.id}">${node.plan.title}</a></dd></div>
            <div><dt>階層</dt><dd>${node.level}</dd></div>
            <div><dt>担当課</dt><dd>${node.department ? formatDepartment(node.department) : '未設定'}</dd></div>
          </dl>
          ${node.description ? html`<p class="description">${node.description}</p>` : nothing}
        </div>
        ${this.#indicators(node)} ${this.#progress(node)} ${this.#evaluations(evaluations)} ${this.#children(node)}
        ${this.#opinions(node)}
      `,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#data)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-node-page', IkenNodePage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-node-page': IkenNodePage;
  }
}
