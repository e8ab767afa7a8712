/**
 * Data for the follow-through pages, made through the API as the secretariat
 * would: meetings, opinions with published responses, progress reports per
 * period, and the periods before the current one.
 */
import type { Opinion, OpinionResponse, ReportingPeriodList } from '../../../web/src/api/types.js';
import { isoInDays } from '../../helpers/dates.js';
import type { TestServer } from './server.js';

/** The half-year before `period` (2025H1 → 2024H2, 2025H2 → 2025H1). */
export function previousHalf(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}

export class FollowThroughData {
  readonly #server: TestServer;

  constructor(server: TestServer) {
    this.#server = server;
  }

  /** The period departments report on now. */
  async currentPeriod(): Promise<ReportingPeriodList['current']> {
    return (await this.#server.getJson<ReportingPeriodList>('/api/periods')).current;
  }

  async department(name: string, bureau: string): Promise<number> {
    return (await this.#server.adminJson<{ id: number }>('POST', '/api/departments', { name, bureau })).id;
  }

  async meeting(title: string): Promise<number> {
    return (await this.#server.adminJson<{ id: number }>('POST', '/api/meetings', { title, kind: 'committee', fiscalYear: 2026, heldOn: isoInDays(-30) })).id;
  }

  /** An opinion of `meetingId` answered by `departmentId`, due in `dueInDays` days (null: no due date). */
  async opinion(meetingId: number, departmentId: number, text: string, dueInDays: number | null = 60): Promise<Opinion> {
    return this.#server.adminJson<Opinion>('POST', '/api/opinions', {
      meetingId,
      text,
      departmentId,
      ...(dueInDays === null ? {} : { dueOn: isoInDays(dueInDays) }),
    });
  }

  /** Writes the response and takes it through the workflow up to `until`. */
  async respond(opinionId: number, text: string, until: 'draft' | 'submitted' | 'returned' | 'approved' | 'published' = 'published'): Promise<OpinionResponse> {
    const saved = await this.#server.adminJson<OpinionResponse>('PUT', `/api/opinions/${opinionId}/response`, { text });
    const steps: Record<typeof until, string[]> = {
      draft: [],
      submitted: ['submit'],
      returned: ['submit', 'return'],
      approved: ['submit', 'approve'],
      published: ['submit', 'approve', 'publish'],
    };
    for (const action of steps[until]) {
      await this.#server.adminJson('POST', `/api/opinions/${opinionId}/response/transitions`, {
        action,
        ...(action === 'return' ? { comment: '期限と財源を書き加えてください。' } : {}),
      });
    }
    return saved;
  }

  /** A progress report as the secretariat (a second one for the same period corrects it). */
  async report(target: 'opinion' | 'node', id: number, period: string, status: string, note?: string): Promise<void> {
    await this.#server.adminJson('POST', `/api/${target === 'opinion' ? 'opinions' : 'nodes'}/${id}/progress`, { period, status, ...(note ? { note } : {}) });
  }
}
