/**
 * What a page shows instead of its content when it is not for the reader's
 * role: its heading, whom it is for, and where to go instead. Styled by
 * roleMessageStyles (web/src/styles/role-message.styles.ts).
 */
import { html, type TemplateResult } from 'lit';
import type { Me } from '../api/types.js';

/** The page's heading and `message` in the role box. */
export function roleMessageView(title: string, message: TemplateResult): TemplateResult {
  return html`
    <div class="page-header"><h1 tabindex="-1">${title}</h1></div>
    <div class="message" data-message>${message}</div>
  `;
}

/**
 * A secretariat page, seen by anyone else. `forDepartments` is said to a
 * department user before pointing them to their own page.
 */
export function secretariatOnlyView(title: string, me: Me | null, forDepartments = ''): TemplateResult {
  const message = !me
    ? html`<p>このページは事務局向けです。事務局のアカウントでサインインしてください。</p>
        <p><a href="/sign-in">サインインする</a></p>`
    : me.role === 'department'
      ? html`<p>このページは事務局向けです。${forDepartments}担当課の方は「担当の意見」のページで、対応方針の作成・提出ができます。</p>
          <p><a href="/inbox">担当の意見へ</a></p>`
      : html`<p>このページは事務局向けです。委員の方は、会議のページで意見と市の対応方針をご覧いただけます。</p>
          <p><a href="/">会議・計画の一覧へ</a></p>`;
  return roleMessageView(title, message);
}
