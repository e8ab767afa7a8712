/**
 * Loads the project's sample dataset into an empty database (first start with
 * SAMPLE_DATA=on). Every step goes through the same use-case functions as the
 * API, so the sample is exactly what a secretariat could have typed in.
 */
import { createDepartment, departmentKey, findDepartmentByKey } from '../../db/departments.js';
import { createMeeting } from '../../db/meetings.js';
import { createOpinion } from '../../db/opinions.js';
import { createPlan, type NewNodeTreeInput } from '../../db/plans.js';
import { recordProgress } from '../../db/progress.js';
import { getResponseRow, saveResponse, transitionResponse, type TransitionAction } from '../../db/responses.js';
import type { Store } from '../../db/store.js';
import { sampleData } from './sample-data.js';
import type { SampleDataset, SampleNode } from './types.js';

/** Steps from a new draft to each sample state. */
const STEPS_TO: Record<'draft' | 'submitted' | 'approved' | 'published', TransitionAction[]> = {
  draft: [],
  submitted: ['submit'],
  approved: ['submit', 'approve'],
  published: ['submit', 'approve', 'publish'],
};

function toTree(node: SampleNode): NewNodeTreeInput {
  return {
    level: node.level,
    code: node.code,
    title: node.title,
    description: node.description,
    indicators: node.indicators,
    children: node.children?.map(toTree),
  };
}

/** Codes of every node in tree order, to match the ids createPlan returns. */
function codesInOrder(nodes: SampleNode[]): string[] {
  return nodes.flatMap((n) => [n.code, ...codesInOrder(n.children ?? [])]);
}

export interface SampleSummary {
  departments: number;
  nodes: number;
  meetings: number;
  opinions: number;
}

export async function loadSampleData(store: Store, data: SampleDataset = sampleData): Promise<SampleSummary> {
  const departmentIds = new Map<string, number>();
  for (const d of data.departments) {
    const created = await createDepartment(store, null, d);
    const id = created?.id ?? (await findDepartmentByKey(store.db, departmentKey(d.name, d.bureau)))!.id;
    departmentIds.set(`${d.bureau} ${d.name}`, id);
  }

  const { nodeIds } = await createPlan(store, null, { ...data.plan, nodes: data.plan.nodes.map(toTree) });
  const codes = codesInOrder(data.plan.nodes);
  const nodeIdByCode = new Map(codes.map((code, i) => [code, nodeIds[i]!]));

  let opinions = 0;
  for (const meeting of data.meetings) {
    const meetingId = await createMeeting(store, null, {
      title: meeting.title,
      body: meeting.body,
      kind: meeting.kind,
      fiscalYear: meeting.fiscalYear,
      heldOn: meeting.heldOn,
      theme: meeting.theme,
      commentOpensOn: meeting.commentOpensOn,
      commentClosesOn: meeting.commentClosesOn,
    });
    for (const o of meeting.opinions) {
      const departmentId = departmentIds.get(o.department);
      if (departmentId === undefined) throw new Error(`sample opinion ${o.seq}: unknown department ${o.department}`);
      const opinionId = await createOpinion(store, null, {
        meetingId,
        seq: o.seq,
        text: o.text,
        nodeIds: o.nodeCodes.map((code) => {
          const id = nodeIdByCode.get(code);
          if (id === undefined) throw new Error(`sample opinion ${o.seq}: unknown node ${code}`);
          return id;
        }),
        departmentId,
        dueOn: o.dueOn,
      });
      await saveResponse(store, null, opinionId, { text: o.response.text, departmentId }, null);
      for (const action of STEPS_TO[o.response.state]) {
        const current = (await getResponseRow(store.db, opinionId))!;
        await transitionResponse(store, null, current, action, null);
      }
      for (const p of o.progress) await recordProgress(store, null, 'opinion', opinionId, p);
      opinions++;
    }
  }
  return { departments: departmentIds.size, nodes: nodeIds.length, meetings: data.meetings.length, opinions };
}
