/**
 * Groups a meeting's opinions the way the 実施結果報告書 prints them: one
 * section per measure (施策), headed by its 重点施策名 and 個別施策名, then the
 * opinions that concern no measure.
 */
import type { Opinion, OpinionNodeRef } from '../api/types.js';
import { compareCodes } from './natural-compare.js';

/** One measure's opinions; `node` is null for the opinions linked to no measure. */
export interface OpinionSection {
  /** Stable key for rendering. */
  key: string;
  node: OpinionNodeRef | null;
  opinions: Opinion[];
}

function compareNodes(a: OpinionNodeRef, b: OpinionNodeRef): number {
  return a.planId - b.planId || compareCodes(a.code, b.code) || a.title.localeCompare(b.title, 'ja') || a.id - b.id;
}

/**
 * An opinion goes under its first node (the report lists each opinion once);
 * sections are ordered by plan, then node code; opinions by their number.
 */
export function groupOpinionsByMeasure(opinions: readonly Opinion[]): OpinionSection[] {
  const byNode = new Map<number, OpinionSection>();
  const unlinked: OpinionSection = { key: 'unlinked', node: null, opinions: [] };
  for (const opinion of opinions) {
    const node = opinion.nodes[0];
    if (!node) {
      unlinked.opinions.push(opinion);
      continue;
    }
    let section = byNode.get(node.id);
    if (!section) {
      section = { key: `node-${node.id}`, node, opinions: [] };
      byNode.set(node.id, section);
    }
    section.opinions.push(opinion);
  }
  const sections = [...byNode.values()].sort((a, b) => compareNodes(a.node!, b.node!));
  if (unlinked.opinions.length) sections.push(unlinked);
  for (const section of sections) section.opinions.sort((a, b) => a.seq - b.seq || a.id - b.id);
  return sections;
}
