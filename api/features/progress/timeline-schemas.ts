import { z } from '@hono/zod-openapi';
import { CommitmentSchema, ProgressStatusSchema, ResponseStateSchema } from '../../lib/schemas.js';

export const TimelineStepSchema = z
  .object({
    period: z.string().openapi({ description: '期間: "2021"（年度）, "2021H1"（上半期）, "2021H2"（下半期）', example: '2025H2' }),
    label: z.string().openapi({ description: '期間の和暦表記', example: '令和7年度下半期' }),
    status: ProgressStatusSchema,
    previousStatus: ProgressStatusSchema.nullable().openapi({ description: '前の報告期間の状況（最初の報告では null）', example: 'delayed' }),
    change: z
      .enum(['first', 'improved', 'worsened', 'unchanged'])
      .openapi({ description: '前の期間からの変化: first 初回, improved 前進, worsened 後退, unchanged 変化なし（休止 < 未着手 < 遅れ < 概ね順調 < 済）', example: 'improved' }),
    note: z.string().nullable().openapi({ example: '実施要領を定め、申請の受付を始めた。' }),
    evidenceUrl: z.string().nullable().openapi({ description: '根拠資料へのリンク', example: null }),
    reportedAt: z.string().openapi({ description: 'この期間の最終の報告（訂正）の日時', example: '2026-04-10T00:00:00.000Z' }),
    corrections: z.number().int().openapi({ description: 'この期間で訂正された以前の報告の数', example: 1 }),
    closed: z.boolean().openapi({ description: '期間（またはその年度）が締め切られ、訂正できない', example: false }),
  })
  .openapi('TimelineStep', { description: '報告のあった1期間の状況（訂正があれば最後の報告）と、前の期間からの変化' });

export const OpinionTimelineSchema = z
  .object({
    opinionId: z.number().int().openapi({ example: 12 }),
    dueOn: z.string().nullable().openapi({ description: '対応期限', example: '2027-03-31' }),
    overdue: z.boolean().openapi({ description: '期限を過ぎ、最新の状況が「済」でない（期限当日はまだ期限切れではない）', example: false }),
    reportable: z.boolean().openapi({ description: '取組状況を報告できる（対応方針が承認済み、または公開されたことがある。同趣旨の意見は元の意見で報告する）', example: true }),
    response: z
      .object({
        text: z.string().openapi({ example: '令和8年度から制度設計を行ってまいります。' }),
        state: ResponseStateSchema,
        commitment: CommitmentSchema,
        commitmentOverridden: z.boolean().openapi({ description: '約束の種類を人が設定した', example: false }),
        version: z.number().int().openapi({ example: 2 }),
      })
      .nullable()
      .openapi({ description: '対応方針（GET /api/opinions/{id} と同じく、閲覧者に見せてよい版）。ない・見せられないときは null' }),
    steps: z.array(TimelineStepSchema).openapi({ description: '古い期間から' }),
  })
  .openapi('OpinionTimeline', {
    description: '意見の経過: 対応方針、約束の種類、期間ごとの取組状況とその変化',
    example: {
      opinionId: 12,
      dueOn: '2027-03-31',
      overdue: false,
      reportable: true,
      response: { text: '令和8年度から制度設計を行ってまいります。', state: 'published', commitment: 'implement', commitmentOverridden: false, version: 2 },
      steps: [
        { period: '2025H2', label: '令和7年度下半期', status: 'on_track', previousStatus: null, change: 'first', note: null, evidenceUrl: null, reportedAt: '2026-04-10T00:00:00.000Z', corrections: 0, closed: true },
      ],
    },
  });

export const NodeTimelineSchema = z
  .object({
    nodeId: z.number().int().openapi({ example: 40 }),
    steps: z.array(TimelineStepSchema).openapi({ description: '古い期間から' }),
  })
  .openapi('NodeTimeline', {
    description: '計画のノード（取組・施策）の経過: 期間ごとの取組状況とその変化',
    example: { nodeId: 40, steps: [{ period: '2021H1', label: '令和3年度上半期', status: 'delayed', previousStatus: null, change: 'first', note: null, evidenceUrl: null, reportedAt: '2021-10-05T00:00:00.000Z', corrections: 0, closed: false }] },
  });
