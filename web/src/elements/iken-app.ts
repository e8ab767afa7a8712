/**
 * The application shell: header and navigation (what each role can do), a
 * small History API router, and what every page reads by context: the API
 * client and the session (who is signed in).
 */
import { ContextProvider } from '@lit/context';
import { html, LitElement, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ApiClient } from '../api/api-client.js';
import { apiContext } from '../api/api-context.js';
import { ANONYMOUS, SESSION_CHANGED, sessionContext, type Session, type SessionChangedEvent } from '../session/session-context.js';
import { PAGE_READY, type PageReadyEvent } from '../events.js';
import { ROLE_LABELS, SERVICE_NAME } from '../lib/labels.js';
import { confirmLeave } from '../lib/unsaved-changes.js';
import { matchRoute, routableUrl, type Route } from '../router/routes.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { appStyles } from './iken-app.styles.js';
import './iken-home-page.js';
import './iken-import-page.js';
import './iken-meeting-page.js';
import './iken-not-found-page.js';
import './iken-plan-page.js';
import './iken-summary-page.js';
import './iken-node-page.js';
import './iken-sign-in-page.js';
import './iken-inbox-page.js';
import './iken-review-page.js';
import './iken-users-page.js';
import './iken-opinion-page.js';
import './iken-comment-page.js';
import './iken-search-page.js';
import './iken-follow-up-page.js';
import './iken-notices-page.js';
import './iken-periods-page.js';

/** The <a> a click landed on, looking through shadow roots (links live inside pages). */
function anchorOf(event: Event): HTMLAnchorElement | null {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLAnchorElement) return target;
    if (target === document.body) break;
  }
  return null;
}

export class IkenApp extends LitElement {
  static override styles = [sharedStyles, appStyles];

  static override properties = {
    route: { state: true },
    session: { state: true },
    noticeCount: { state: true },
  };

  /** The page on screen. */
  declare route: Route;
  /** Who is signed in (provided to every page). */
  declare session: Session;
  /** How many お知らせ the signed-in staff member has; null when none are loaded (the public, committee members). */
  declare noticeCount: number | null;
  readonly #api = new ApiClient();
  readonly #sessionProvider: ContextProvider<typeof sessionContext>;

  /** Where the page is: keys the page element so each navigation gets a fresh one. */
  #path: string;
  /** The address of the page on screen (path, query and fragment), to go back to when leaving is cancelled. */
  #url: string;
  /** Set by a navigation, cleared when the new page's h1 has taken focus. */
  #focusPending = false;
  /** Counts fresh visits of the path on screen, so the page element is made anew. */
  #visit = 0;

  constructor() {
    super();
    this.#path = location.pathname;
    this.#url = location.pathname + location.search + location.hash;
    this.route = matchRoute(this.#path);
    this.session = ANONYMOUS;
    this.noticeCount = null;
    // Controllers: they stay attached to this element and answer every page's request.
    new ContextProvider(this, { context: apiContext, initialValue: this.#api });
    this.#sessionProvider = new ContextProvider(this, { context: sessionContext, initialValue: this.session });
    void this.#loadSession();
  }

  /** Asks the server who is signed in; a failure leaves the page usable as the public. */
  async #loadSession(): Promise<void> {
    let me = null;
    try {
      me = await this.#api.me();
    } catch {
      // Offline or a server error: pages show their own errors when they load.
    }
    this.session = { loaded: true, me };
    this.#sessionProvider.setValue(this.session);
    void this.#loadNoticeCount();
  }

  /**
   * The number beside お知らせ, for the secretariat and departments (committee
   * members get no notices). Asked again on every page change, since reporting
   * or answering on a page changes it. A failure leaves the number out.
   */
  async #loadNoticeCount(): Promise<void> {
    const role = this.session.me?.role;
    if (role !== 'secretariat' && role !== 'department') {
      this.noticeCount = null;
      return;
    }
    try {
      this.noticeCount = (await this.#api.getNotices()).items.length;
    } catch {
      this.noticeCount = null;
    }
  }

  #onSessionChanged = (event: SessionChangedEvent): void => {
    const next = event.detail.next;
    void this.#loadSession().then(() => {
      if (next) this.navigate(new URL(next, location.href));
    });
  };

  async #signOut(): Promise<void> {
    try {
      await this.#api.signOut();
    } finally {
      this.session = { loaded: true, me: null };
      this.#sessionProvider.setValue(this.session);
      this.navigate(new URL('/', location.href));
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the document so the skip link (outside this element) is handled too.
    document.addEventListener('click', this.#onClick);
    window.addEventListener('popstate', this.#onPopState);
    this.addEventListener(PAGE_READY, this.#onPageReady);
    this.addEventListener(SESSION_CHANGED, this.#onSessionChanged);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.#onClick);
    window.removeEventListener('popstate', this.#onPopState);
    this.removeEventListener(PAGE_READY, this.#onPageReady);
    this.removeEventListener(SESSION_CHANGED, this.#onSessionChanged);
    super.disconnectedCallback();
  }

  /** Shows the page for `url`, adding a history entry. */
  navigate(url: URL): void {
    // A link to the page on screen with other parameters (検索 in the menu
    // while results are shown) opens that page afresh from its address.
    const otherQuery = url.pathname === this.#path && url.search !== location.search;
    if (url.pathname !== location.pathname || url.search !== location.search) {
      history.pushState(null, '', url.pathname + url.search + url.hash);
    }
    this.#show(url.pathname, otherQuery);
    this.#url = location.pathname + location.search + location.hash;
    window.scrollTo(0, 0);
  }

  /** `fresh`: make a new page element even when the path is the one on screen. */
  #show(path: string, fresh = false): void {
    // The same page again (ホーム on the home page): nothing new to load or announce.
    // Back and Forward within one path (the search page's filters) are the page's own business.
    if (path === this.#path && !fresh) return;
    if (path === this.#path) this.#visit += 1;
    this.#path = path;
    this.route = matchRoute(path);
    this.#focusPending = true;
    void this.#loadNoticeCount();
  }

  #onPopState = (): void => {
    // Back or forward has already moved the address: when the person stays
    // (unsaved work), put the page's own address back.
    if (location.pathname !== this.#path && !confirmLeave()) {
      history.pushState(null, '', this.#url);
      return;
    }
    this.#show(location.pathname);
    this.#url = location.pathname + location.search + location.hash;
  };

  #onClick = (event: MouseEvent): void => {
    const anchor = anchorOf(event);
    if (!anchor) return;
    const url = routableUrl(
      event,
      { href: anchor.href, target: anchor.target, hasDownload: anchor.hasAttribute('download') },
      location.href,
    );
    if (!url) return;
    // A same-page fragment: the skip link. Its target sits in this shadow root,
    // where the browser's own fragment navigation cannot reach.
    if (url.pathname === location.pathname && url.hash) {
      const target = (this.renderRoot as ShadowRoot).getElementById(decodeURIComponent(url.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.scrollIntoView();
      return;
    }
    event.preventDefault();
    // Another page: unsaved work on this one is lost unless the person agrees.
    if (url.pathname !== this.#path && !confirmLeave()) return;
    this.navigate(url);
  };

  #onPageReady = (event: PageReadyEvent): void => {
    const { title, heading } = event.detail;
    document.title = title ? `${title} | ${SERVICE_NAME}` : SERVICE_NAME;
    // The first page load keeps the browser's own focus (the skip link comes first).
    if (this.#focusPending) {
      this.#focusPending = false;
      heading.focus();
    }
  };

  #page(): TemplateResult {
    switch (this.route.name) {
      case 'home':
        return html`<iken-home-page></iken-home-page>`;
      case 'meeting':
        return html`<iken-meeting-page .meetingId=${this.route.id}></iken-meeting-page>`;
      case 'plan':
        return html`<iken-plan-page .planId=${this.route.id}></iken-plan-page>`;
      case 'plan-summary':
        return html`<iken-summary-page .planId=${this.route.id}></iken-summary-page>`;
      case 'node':
        return html`<iken-node-page .nodeId=${this.route.id}></iken-node-page>`;
      case 'import':
        return html`<iken-import-page></iken-import-page>`;
      case 'sign-in':
        return html`<iken-sign-in-page></iken-sign-in-page>`;
      case 'inbox':
        return html`<iken-inbox-page></iken-inbox-page>`;
      case 'review':
        return html`<iken-review-page></iken-review-page>`;
      case 'users':
        return html`<iken-users-page></iken-users-page>`;
      case 'opinion':
        return html`<iken-opinion-page .opinionId=${this.route.id}></iken-opinion-page>`;
      case 'comment':
        return html`<iken-comment-page .meetingId=${this.route.id}></iken-comment-page>`;
      case 'search':
        return html`<iken-search-page></iken-search-page>`;
      case 'follow-up':
        return html`<iken-follow-up-page .meetingId=${this.route.id}></iken-follow-up-page>`;
      case 'notices':
        return html`<iken-notices-page></iken-notices-page>`;
      case 'periods':
        return html`<iken-periods-page></iken-periods-page>`;
      case 'not-found':
        return html`<iken-not-found-page></iken-not-found-page>`;
    }
  }

  /** The menu: what the signed-in person's role can do. */
  #nav(): TemplateResult {
    const current = (name: Route['name']) => (this.route.name === name ? 'page' : 'false');
    const me = this.session.me;
    const link = (href: string, name: Route['name'], label: string) => html`<li><a href=${href} aria-current=${current(name)}>${label}</a></li>`;
    return html`
      <nav aria-label="メインメニュー">
        <ul>
          ${link('/', 'home', 'ホーム')}
          ${link('/search', 'search', '検索')}
          ${me?.role === 'department' ? link('/inbox', 'inbox', '担当の意見') : ''}
          ${me?.role === 'secretariat'
            ? html`${link('/review', 'review', '確認待ち')}${link('/periods', 'periods', '報告期間')}${link('/import', 'import', '資料の取り込み')}${link('/users', 'users', 'アカウント')}`
            : ''}
          ${me?.role === 'secretariat' || me?.role === 'department' ? this.#noticesLink(current('notices')) : ''}
        </ul>
      </nav>
      <div class="account">
        ${me
          ? html`<span class="who">${me.name}（${ROLE_LABELS[me.role]}）</span>
              <button type="button" class="link-button" @click=${() => void this.#signOut()}>サインアウト</button>`
          : this.session.loaded
            ? html`<a href="/sign-in" aria-current=${current('sign-in')}>職員・委員のサインイン</a>`
            : ''}
      </div>
    `;
  }

  /** お知らせ, with the number of notices (said in words to screen readers). */
  #noticesLink(current: string): TemplateResult {
    const count = this.noticeCount;
    return html`<li>
      <a href="/notices" aria-current=${current} data-notices-link>
        お知らせ${count !== null
          ? html`<span class="notice-count" aria-hidden="true" data-notice-count>${count}</span><span class="visually-hidden">（${count}件）</span>`
          : ''}
      </a>
    </li>`;
  }

  override render(): TemplateResult {
    return html`
      <header class="site-header">
        <div class="inner">
          <a class="brand" href="/">${SERVICE_NAME}</a>
          ${this.#nav()}
        </div>
      </header>
      <main id="main" tabindex="-1">${keyed(`${this.#path}#${this.#visit}`, this.#page())}</main>
      <footer class="site-footer">
        <div class="inner">
          <p>${SERVICE_NAME} — 会議・パブリックコメントの意見と市の対応方針、計画の施策と指標</p>
          <p class="footer-links"><a href="/api/docs">API リファレンス（開発者向け）</a></p>
        </div>
      </footer>
    `;
  }
}

customElements.define('iken-app', IkenApp);

declare global {
  interface HTMLElementTagNameMap {
    'iken-app': IkenApp;
  }
}
