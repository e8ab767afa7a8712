/**
 * Shapes of the project's own sample dataset, loaded into a new database on
 * first start (SAMPLE_DATA=on). Facts (plan names, measure titles, KPI figures)
 * may come from the customer's seed documents; opinion and response prose is
 * our own.
 */

/** One indicator value as the plan document writes it. */
export interface SampleIndicatorValue {
  /** Fiscal year (April–March), 西暦. The plan's 策定時実績値 uses the year before the plan starts. */
  fiscalYear: number;
  kind: 'baseline' | 'target' | 'actual';
  /** The number, or null when the document has text such as 集計中, 検討中 or —. */
  value: number | null;
  /** The text exactly as written, e.g. "2,831件", "検討中", "小 79.9% 中 66.3%". */
  display: string;
}

export interface SampleIndicator {
  name: string;
  unit: string | null;
  /** 【累計】 in the document. */
  cumulative: boolean;
  direction: 'increase' | 'decrease';
  /** Footnotes and remarks, e.g. "：未就学児を育てている夫婦世帯が対象". */
  notes: string | null;
  values: SampleIndicatorValue[];
}

export interface SampleNode {
  /** The label of this level in the plan, e.g. 重点戦略, 施策, 主な取組. */
  level: string;
  /** Code such as "2", "2-(1)", "2-(1)-3". Unique within the plan. */
  code: string;
  title: string;
  description: string | null;
  indicators?: SampleIndicator[];
  children?: SampleNode[];
}

export interface SamplePlan {
  title: string;
  municipality: string;
  kind: 'comprehensive' | 'reform' | 'other';
  startYear: number;
  endYear: number;
  nodes: SampleNode[];
}

export interface SampleDepartment {
  /** 部, e.g. 産業振興部 */
  bureau: string;
  /** 課, e.g. 産業振興課 */
  name: string;
}

export interface SampleProgress {
  /** "2024", "2024H1" or "2024H2". */
  period: string;
  status: 'done' | 'on_track' | 'delayed' | 'not_started' | 'suspended';
  note: string;
}

export interface SampleOpinion {
  seq: number;
  /** Codes of the plan nodes (measures) the opinion concerns. */
  nodeCodes: string[];
  /** "bureau name", e.g. "産業振興部 産業振興課"; must match a SampleDepartment. */
  department: string;
  /** ISO date or null. */
  dueOn: string | null;
  text: string;
  response: {
    text: string;
    state: 'draft' | 'submitted' | 'approved' | 'published';
  };
  progress: SampleProgress[];
}

export interface SampleMeeting {
  title: string;
  /** The body holding the meeting, e.g. ○○市行政改革推進委員会. */
  body: string;
  kind: 'committee' | 'public_comment';
  fiscalYear: number;
  heldOn: string;
  theme: string | null;
  commentOpensOn: string | null;
  commentClosesOn: string | null;
  opinions: SampleOpinion[];
}

export interface SampleDataset {
  departments: SampleDepartment[];
  plan: SamplePlan;
  meetings: SampleMeeting[];
}
