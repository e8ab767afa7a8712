import { describe, expect, test } from 'vitest';
import type { Opinion, OpinionNodeRef } from '../../web/src/api/types.js';
import { groupOpinionsByMeasure } from '../../web/src/lib/group-opinions.js';

function node(id: number, code: string | null, planId = 1): OpinionNodeRef {
  return { id, planId, level: '施策', code, title: `施策${id}`, parent: { id: 100, level: '重点戦略', code: '1', title: '戦略' } };
}

function opinion(id: number, seq: number, nodes: OpinionNodeRef[]): Opinion {
  return {
    id,
    meetingId: 1,
    seq,
    text: `意見${id}`,
    nodeIds: nodes.map((n) => n.id),
    nodes,
    departmentId: null,
    department: null,
    dueOn: null,
    duplicateOfId: null,
    response: null,
    latestProgress: null,
    createdAt: '',
    updatedAt: '',
  };
}

describe('groupOpinionsByMeasure', () => {
  test('one section per first node, ordered by plan then code (numerically), unlinked last', () => {
    const a = node(1, '1-(10)');
    const b = node(2, '1-(2)');
    const c = node(3, '1-(1)', 2);
    const sections = groupOpinionsByMeasure([
      opinion(1, 4, [a]),
      opinion(2, 1, []),
      opinion(3, 3, [b, a]),
      opinion(4, 2, [b]),
      opinion(5, 5, [c]),
    ]);
    expect(sections.map((s) => s.node?.code ?? null)).toEqual(['1-(2)', '1-(10)', '1-(1)', null]);
    expect(sections[0]!.opinions.map((o) => o.seq)).toEqual([2, 3]);
    expect(sections.flatMap((s) => s.opinions)).toHaveLength(5);
  });

  test('no opinions, no sections', () => {
    expect(groupOpinionsByMeasure([])).toEqual([]);
  });
});
