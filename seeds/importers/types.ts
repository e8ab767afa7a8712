/**
 * What each importer's parser reads out of a document, before anything is
 * written. Parsers are pure (text in, value and warnings out) and never
 * throw on any input; the writers in this folder turn a parsed document into
 * one atomic write.
 */
import type { IndicatorDirection, IndicatorValueKind, MeetingKind, PlanKind, ProgressStatus, Rating, ResponseState } from '../../db/schema.js';

export type ImportKind = 'meeting_report' | 'plan' | 'progress_report' | 'evaluation_sheet' | 'opinions_table';

/** Something the parser skipped or guessed, with the 1-based line of the document it concerns. */
export interface ImportWarning {
  line: number;
  /** Japanese, for the secretariat. */
  message: string;
}

export interface ParseResult<T> {
  /** Null when the document is not of this kind at all (the caller then answers 4xx). */
  value: T | null;
  warnings: ImportWarning[];
}

export interface ParsedIndicatorValue {
  fiscalYear: number;
  kind: IndicatorValueKind;
  /** The number the text states, or null (集計中, 検討中, —, "小 79.9% 中 66.3%"). ▲120 is -120. */
  value: number | null;
  /** The cell exactly as written (after trimming). */
  display: string;
}

export interface ParsedIndicator {
  name: string;
  unit: string | null;
  /** 【累計】 */
  cumulative: boolean;
  direction: IndicatorDirection;
  /** Footnotes that belong to this row, without the leading ： or number. */
  notes: string | null;
  values: ParsedIndicatorValue[];
  line: number;
}

export interface ParsedNode {
  /** 重点戦略, 施策, 主な取組, 目標, 改革テーマ, 実施計画事業, 取組の視点 … */
  level: string;
  /** "1", "1-(2)", "1-(2)-3"; unique within the plan. */
  code: string | null;
  title: string;
  description: string | null;
  indicators: ParsedIndicator[];
  children: ParsedNode[];
  line: number;
}

export interface ParsedPlan {
  title: string;
  municipality: string | null;
  kind: PlanKind;
  startYear: number | null;
  endYear: number | null;
  description: string | null;
  nodes: ParsedNode[];
}

/** Where an opinion sits in the report: its 重点施策名 and 個別施策名 as printed. */
export interface ParsedMeasureRef {
  /** 重点施策名, e.g. 強みを活かしたしごとづくり */
  strategyTitle: string | null;
  /** 個別施策名 without its number, e.g. 基幹産業の競争力を強化する */
  measureTitle: string;
  /** The number printed before the 個別施策名, normalised: "(1)" → "1". */
  measureNumber: string | null;
}

export interface ParsedOpinion {
  /** The opinion's number in the meeting (its order when the document prints none). */
  seq: number;
  text: string;
  /** The 対応方針 / 市の考え方, without its label and leading ・ or →. */
  response: { text: string; state: ResponseState } | null;
  measure: ParsedMeasureRef | null;
  /** "企画部 経営企画課" as written, when the document names one. */
  department: string | null;
  /** ISO date. */
  dueOn: string | null;
  line: number;
}

export interface ParsedMeeting {
  title: string;
  body: string | null;
  kind: MeetingKind;
  fiscalYear: number | null;
  /** ISO date; for a report, the date it was issued when no meeting date is printed. */
  heldOn: string | null;
  theme: string | null;
  /** A public comment's period (ISO dates), when the document prints it. */
  commentOpensOn: string | null;
  commentClosesOn: string | null;
  opinions: ParsedOpinion[];
}

export type StatusCounts = Record<ProgressStatus, number>;

export interface ParsedProgressReport {
  /** e.g. 平塚市行財政改革計画（2020-2023） */
  planTitle: string;
  municipality: string | null;
  startYear: number | null;
  endYear: number | null;
  /** "2021H1" */
  period: string;
  /** The 取組の視点 in order, e.g. { code: '1', title: '民間活力の活用' }. */
  perspectives: Array<{ code: string; title: string; line: number }>;
  /** The status table as the city reported it, one row per 取組の視点. */
  reportedRows: Array<{ perspectiveCode: string; counts: StatusCounts; total: number; line: number }>;
  reportedTotals: (StatusCounts & { total: number }) | null;
  /** Items named with a status (龍城ケ丘ゾーン公園の設計･･･遅れ [龍城ケ丘ゾーン公園整備事業]). */
  items: Array<{ name: string; status: ProgressStatus; projectName: string | null; note: string | null; line: number }>;
  /** 主な事業の取組状況: each project's narrative, under its 取組の視点. */
  projects: Array<{ name: string; perspectiveCode: string | null; priority: boolean; narrative: string; line: number }>;
}

export interface ParsedEvaluation {
  projectName: string;
  /** 事業番号, e.g. 40-106 */
  projectCode: string | null;
  department: { bureau: string | null; name: string } | null;
  /** The plan hierarchy above the project, outermost first: まちづくり目標 5 …, 基本政策 10 …, 施策展開の方向 18 …, 施策 40 … */
  planPath: Array<{ level: string; code: string | null; title: string }>;
  /** The plan the sheet belongs to, e.g. 第5次総合計画 中期戦略事業プラン */
  planTitle: string | null;
  indicator: ParsedIndicator | null;
  /** One entry per fiscal year evaluated (the sheet's latest year carries the ratings). */
  years: Array<{
    fiscalYear: number;
    costs: Record<string, number | null>;
  }>;
  fiscalYear: number;
  /** What the 単位当たりコスト is per: the 対象数's 定義 (「市民」), and the unit it is counted in (「人」). */
  unitCost: { basis: string | null; countUnit: string | null };
  ratings: Record<'progress' | 'level' | 'effectiveness' | 'efficiency', Rating>;
  reasons: Partial<Record<'progress' | 'level' | 'effectiveness' | 'efficiency', string>>;
  results: string | null;
  summary: string | null;
}
