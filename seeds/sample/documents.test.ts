import { describe, expect, it } from 'vitest';
import { parseMeetingReport } from '../importers/meeting-report-parser.js';
import { parseCsv } from '../../api/lib/csv.js';
import { parseOpinionsTable } from '../importers/opinions-table.js';
import { parsePlan } from '../importers/plan-parser.js';
import { opinionsTableDocument, planDocument, publicCommentDocument } from './documents.js';
import { sampleData } from './sample-data.js';
import type { SampleNode } from './types.js';

/** The fields a document carries, for comparing what was written with what is read back. */
function shape(nodes: Array<SampleNode | any>): unknown[] {
  return nodes.map((n) => ({
    level: n.level,
    code: n.code,
    title: n.title,
    description: n.description ?? null,
    indicators: (n.indicators ?? []).map((i: any) => ({ name: i.name, unit: i.unit, cumulative: i.cumulative, direction: i.direction, notes: i.notes, values: i.values })),
    children: shape(n.children ?? []),
  }));
}

describe('the sample documents', () => {
  it('the plan reads back exactly as the sample data holds it', () => {
    const { value, warnings } = parsePlan(planDocument(sampleData.plan));
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({ title: sampleData.plan.title, municipality: sampleData.plan.municipality, kind: 'comprehensive', startYear: 2024, endYear: 2031 });
    expect(shape(value!.nodes)).toEqual(shape(sampleData.plan.nodes));
  });

  it('the committee meeting reads back as an opinions table, with states, departments, due dates and measures', () => {
    const meeting = sampleData.meetings[0]!;
    const { value, warnings } = parseOpinionsTable(parseCsv(opinionsTableDocument(meeting, sampleData.plan, sampleData.departments)));
    expect(warnings).toEqual([]);
    const read = value!.meetings[0]!;
    expect(read).toMatchObject({ title: meeting.title, fiscalYear: meeting.fiscalYear, heldOn: meeting.heldOn });
    expect(read.opinions.map((o) => [o.seq, o.text, o.response?.text, o.response?.state, o.department, o.dueOn, o.nodes.map((n) => n.code)])).toEqual(
      meeting.opinions.map((o) => [o.seq, o.text, o.response.text, o.response.state, o.department, o.dueOn, o.nodeCodes]),
    );
  });

  it('the public comment reads back as a 市の考え方 report', () => {
    const meeting = sampleData.meetings[1]!;
    const { value, warnings } = parseMeetingReport(publicCommentDocument(meeting));
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({
      title: meeting.title,
      kind: 'public_comment',
      fiscalYear: meeting.fiscalYear,
      commentOpensOn: meeting.commentOpensOn,
      commentClosesOn: meeting.commentClosesOn,
    });
    expect(value!.opinions.map((o) => [o.text, o.response?.text, o.department])).toEqual(meeting.opinions.map((o) => [o.text, o.response.text, o.department]));
  });
});
