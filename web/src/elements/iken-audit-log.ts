/**
 * An opinion's change history (変更履歴), for the secretariat: every entry of
 * GET /api/audit?entity=opinion&id=N — the opinion's own, its response's and
 * its progress reports' — oldest first, each with when (Japan time), who, on
 * what, which operation, and what changed as before → after.
 *
 * Not a page: the host places it under its own heading, e.g.
 * `<iken-audit-log .opinionId=${opinion.id}></iken-audit-log>`.
 */
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { AuditEntry, Department } from '../api/types.js';
import { auditActionLabel, auditActorLabel, auditChanges, auditEntityLabel, type AuditChange } from '../lib/audit-entries.js';
import { formatDateTime } from '../lib/format.js';
import { badge } from '../lib/badges.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { auditLogStyles } from './iken-audit-log.styles.js';

/** The entries, and the departments to name in them. */
interface AuditData {
  entries: AuditEntry[];
  departments: Map<number, Department>;
}

/** The entity an entry is about, as a badge tone: the opinion itself stands out least. */
const ENTITY_TONES: Record<string, 'outline' | 'info' | 'teal'> = { opinion: 'outline', response: 'info', progress: 'teal' };

export class IkenAuditLog extends LitElement {
  static override styles = [sharedStyles, auditLogStyles];

  static override properties = {
    opinionId: { type: Number, attribute: 'opinion-id' },
    nodes: { attribute: false },
  };

  /** The opinion whose history to show (its response and progress reports included). 0: none yet. */
  declare opinionId: number;
  /** Plan nodes the page knows (the opinion's own), to name 関連する施策 changes; others show their id. */
  declare nodes: ReadonlyArray<{ id: number; code: string | null; title: string }>;

  readonly #api: ApiHandle;
  readonly #data: Task<[unknown, number], AuditData>;

  constructor() {
    super();
    this.opinionId = 0;
    this.nodes = [];
    this.#api = consumeApi(this);
    this.#data = new Task(this, {
      task: async ([, id], { signal }) => {
        if (!id) return initialState;
        const api = requireApi(this.#api);
        const [entries, departments] = await Promise.all([
          api.listAudit('opinion', id, signal),
          // Names for 担当課 changes; without them the ids are still shown.
          api.listDepartments(signal).catch(() => [] as Department[]),
        ]);
        return { entries, departments: new Map(departments.map((d) => [d.id, d])) };
      },
      args: () => [this.#api.value, this.opinionId],
    });
  }

  #value(text: string): TemplateResult {
    return html`<span class="value">${text}</span>`;
  }

  #change(change: AuditChange): TemplateResult {
    if (change.long) {
      return html`<div class="change long">
        <dt>${change.label}</dt>
        <dd>
          ${change.before !== null
            ? html`<p class="block-label">${change.after !== null ? '変更前' : '削除前'}</p>
                <p class="block before">${change.before}</p>`
            : nothing}
          ${change.after !== null
            ? html`${change.before !== null ? html`<p class="block-label">変更後</p>` : nothing}
                <p class="block after">${change.after}</p>`
            : nothing}
        </dd>
      </div>`;
    }
    return html`<div class="change">
      <dt>${change.label}</dt>
      <dd>
        ${change.before !== null && change.after !== null
          ? html`${this.#value(change.before)}<span class="arrow" aria-hidden="true">→</span><span class="visually-hidden">から</span>${this.#value(change.after)}<span class="visually-hidden">に変更</span>`
          : change.after !== null
            ? this.#value(change.after)
            : html`${this.#value(change.before ?? '')}<span class="note">（削除前）</span>`}
      </dd>
    </div>`;
  }

  #entry(entry: AuditEntry, departments: Map<number, Department>): TemplateResult {
    const changes = auditChanges(entry, departments, new Map(this.nodes.map((n) => [n.id, n])));
    return html`
      <li class="entry" data-action=${entry.action} data-entity=${entry.entity}>
        <p class="meta">
          <time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
          <span class="actor" data-actor>${auditActorLabel(entry)}</span>
        </p>
        <p class="what">
          ${badge(ENTITY_TONES[entry.entity] ?? 'outline', auditEntityLabel(entry.entity), 'entity')}
          <span class="action">${auditActionLabel(entry.action)}</span>
        </p>
        ${changes.length ? html`<dl class="changes">${changes.map((c) => this.#change(c))}</dl>` : nothing}
      </li>
    `;
  }

  #content(): unknown {
    return this.#data.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => errorView(error),
      complete: ({ entries, departments }) =>
        entries.length
          ? html`<p class="count">${entries.length}件（古い順）</p>
              <ol class="entries">
                ${entries.map((entry) => this.#entry(entry, departments))}
              </ol>`
          : html`<p class="empty">変更履歴はまだありません。</p>`,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#data)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-audit-log', IkenAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'iken-audit-log': IkenAuditLog;
  }
}
