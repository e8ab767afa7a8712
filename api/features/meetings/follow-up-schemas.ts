import { z } from '@hono/zod-openapi';
import { CommitmentSchema, ProgressStatusSchema, ResponseStateSchema } from '../../lib/schemas.js';

export const FollowUpStepSchema = z
  .object({
    period: z.string().openapi({ description: '期間: "2021"（年度）, "2021H1"（上半期）, "2021H2"（下半期）', example: '2025H2' }),
    label: z.string().openapi({ description: '期間の和暦表記', example: '令和7年度下半期' }),
    status: ProgressStatusSchema,
    change: z
      .enum(['first', 'improved', 'worsened', 'unchanged'])
      .openapi({ description: '前の期間からの変化: first 初回, improved 前進, worsened 後退, unchanged 変化なし（休止 < 未着手 < 遅れ < 概ね順調 < 済）', example: 'unchanged' }),
  })
  .openapi('FollowUpStep', { description: '報告のあった1期間の状況（訂正があれば最後の報告）と、前の期間からの変化' });

export const FollowUpItemSchema = z
  .object({
    opinionId: z.number().int().openapi({ example: 12 }),
    seq: z.number().int().openapi({ description: '会議の中での番号', example: 4 }),
    text: z.string().openapi({ description: '意見（書かれたとおり）', example: '産学公の機能を融合させた場をマネジメントする必要がある。' }),
    departmentId: z.number().int().nullable().openapi({ example: 3 }),
    department: z.string().nullable().openapi({ description: '担当課の名前', example: '産業振興課' }),
    dueOn: z.string().nullable().openapi({ description: '対応期限（ISO）', example: '2026-03-31' }),
    response: z
      .object({ text: z.string(), state: ResponseStateSchema, commitment: CommitmentSchema })
      .nullable()
      .openapi({ description: '対応方針（GET /api/opinions と同じく、閲覧者に見せてよい版）。ない・見せられないときは null' }),
    latestStatus: ProgressStatusSchema.nullable().openapi({ description: '最新の期間の取組状況（報告がなければ null）' }),
    latestPeriod: z.string().nullable().openapi({ description: '最新の報告の期間', example: '2025H2' }),
    overdue: z.boolean().openapi({ description: '期限切れ: 対応期限を過ぎ（期限当日はまだ）、最新の状況が済でない', example: false }),
    stalled: z.boolean().openapi({ description: '停滞: 約束が検討で、直近2期以上続けて未着手か遅れ', example: true }),
    notReported: z.boolean().openapi({ description: '未報告: 対応方針が承認・公開済みで、最新の状況が済でなく、現在の報告期間の報告がない', example: false }),
    timeline: z.array(FollowUpStepSchema).openapi({ description: '期間ごとの状況（古い期間から）' }),
  })
  .openapi('FollowUpItem', { description: '会議の意見1件の対応状況' });

export const FollowUpCountsSchema = z
  .object({
    total: z.number().int().openapi({ description: '意見の数', example: 10 }),
    overdue: z.number().int().openapi({ description: '期限切れ', example: 1 }),
    stalled: z.number().int().openapi({ description: '停滞', example: 2 }),
    notReported: z.number().int().openapi({ description: '現在の期間が未報告', example: 3 }),
    done: z.number().int().openapi({ description: '最新の状況が済', example: 4 }),
  })
  .openapi('FollowUpCounts', { description: '会議の意見の対応状況の件数' });

export const MeetingFollowUpSchema = z
  .object({
    meeting: z.object({ id: z.number().int().openapi({ example: 1 }), title: z.string().openapi({ example: '平成30年度 ひらつか行革ミーティング' }) }),
    period: z
      .object({ period: z.string().openapi({ example: '2025H2' }), label: z.string().openapi({ example: '令和7年度下半期' }) })
      .openapi({ description: '現在の報告期間（未報告の判定に使う）' }),
    counts: FollowUpCountsSchema,
    items: z.array(FollowUpItemSchema).openapi({ description: '意見（会議の中での番号順）' }),
  })
  .openapi('MeetingFollowUp', {
    description: '委員向けの会議の対応状況: 意見ごとの対応方針、約束の種類、最新の状況と経過、期限切れ・停滞・未報告',
    example: {
      meeting: { id: 1, title: '平成30年度 ひらつか行革ミーティング' },
      period: { period: '2025H2', label: '令和7年度下半期' },
      counts: { total: 1, overdue: 0, stalled: 1, notReported: 0, done: 0 },
      items: [
        {
          opinionId: 12,
          seq: 4,
          text: '産学公の機能を融合させた場をマネジメントする必要がある。',
          departmentId: 3,
          department: '産業振興課',
          dueOn: '2027-03-31',
          response: { text: '平塚ならではの産学共同研究の場を検討してまいります。', state: 'published', commitment: 'consider' },
          latestStatus: 'not_started',
          latestPeriod: '2025H2',
          overdue: false,
          stalled: true,
          notReported: false,
          timeline: [
            { period: '2025H1', label: '令和7年度上半期', status: 'not_started', change: 'first' },
            { period: '2025H2', label: '令和7年度下半期', status: 'not_started', change: 'unchanged' },
          ],
        },
      ],
    },
  });
