/**
 * Loads the project's sample dataset into an empty database (first start
 * with SAMPLE_DATA=on) by importing the sample documents (see documents.ts)
 * through the same importers a secretariat uses. What no document format
 * carries — departments no opinion names, a committee meeting's organising
 * body and theme, progress reported on opinions — is then entered through
 * the same use cases as the API.
 */
import { createDepartment } from '../../db/departments.js';
import { getMeeting, updateMeeting } from '../../db/meetings.js';
import { recordProgress } from '../../db/progress.js';
import type { Store } from '../../db/store.js';
import { importDocument } from '../importers/import-document.js';
import type { ImportKind } from '../importers/types.js';
import { opinionsTableDocument, planDocument, publicCommentDocument } from './documents.js';
import { sampleData } from './sample-data.js';
import type { SampleDataset } from './types.js';

export interface SampleSummary {
  departments: number;
  nodes: number;
  meetings: number;
  opinions: number;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importSample(store: Store, text: string, kind: ImportKind, fileName: string) {
  const result = await importDocument(store, null, utf8(text), { kind, fileName });
  if (result.warnings.length)
    throw new Error(`sample document ${fileName} imported with warnings: ${result.warnings.map((w) => `${w.line}: ${w.message}`).join(' / ')}`);
  return result;
}

export async function loadSampleData(store: Store, data: SampleDataset = sampleData): Promise<SampleSummary> {
  const plan = await importSample(store, planDocument(data.plan), 'plan', 'sample-plan.txt');
  let opinions = 0;
  for (const [index, meeting] of data.meetings.entries()) {
    const result =
      meeting.kind === 'committee'
        ? await importSample(store, opinionsTableDocument(meeting, data.plan, data.departments), 'opinions_table', `sample-meeting-${index + 1}.csv`)
        : await importSample(store, publicCommentDocument(meeting), 'meeting_report', `sample-meeting-${index + 1}.txt`);
    const meetingId = result.ids.meetingIds[0]!;
    opinions += result.created.opinions;
    const current = (await getMeeting(store.db, meetingId))!;
    const { id: _id, opinionCount: _count, ...fields } = current;
    if (current.body !== meeting.body || current.theme !== meeting.theme)
      await updateMeeting(store, null, current, { ...fields, body: meeting.body, theme: meeting.theme });
    for (const o of meeting.opinions) {
      if (!o.progress.length) continue;
      const row = await store.db.selectFrom('opinions').select('id').where('meeting_id', '=', meetingId).where('seq', '=', o.seq).executeTakeFirstOrThrow();
      for (const p of o.progress) await recordProgress(store, null, 'opinion', row.id, p);
    }
  }
  for (const d of data.departments) await createDepartment(store, null, d);
  const departments = await store.db.selectFrom('departments').select('id').execute();
  return { departments: departments.length, nodes: plan.created.nodes, meetings: data.meetings.length, opinions };
}
