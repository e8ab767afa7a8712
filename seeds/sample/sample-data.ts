/**
 * The project's own sample dataset.
 *
 * - plan: transcribed from 平塚市総合計画 基本計画 第2章 重点戦略 (titles,
 *   directions, 主な取組, 数値目標 and KPI as the document writes them).
 * - departments, meetings: invented for the sample. Opinion and response
 *   prose is original and does not reproduce any real report.
 */
import type { SampleDataset } from './types.js';

export const sampleData: SampleDataset = {
  departments: [
    { bureau: '企画政策部', name: '企画政策課' },
    { bureau: '企画政策部', name: '資産経営課' },
    { bureau: '市民部', name: '市民課' },
    { bureau: '健康・子ども部', name: 'こども家庭課' },
    { bureau: '健康・子ども部', name: '保育課' },
    { bureau: '産業振興部', name: '産業振興課' },
    { bureau: '福祉部', name: '高齢福祉課' },
    { bureau: '福祉部', name: '地域包括ケア推進課' },
    { bureau: '防災危機管理部', name: '防災危機管理課' },
    { bureau: '都市整備部', name: '交通政策課' },
  ],

  plan: {
    title: '平塚市総合計画 基本計画',
    municipality: '平塚市',
    kind: 'comprehensive',
    startYear: 2024,
    endYear: 2031,
    nodes: [
      // ───────────────────────── 重点戦略1 ─────────────────────────
      {
        level: '重点戦略',
        code: '1',
        title: '子どもを育む環境づくり',
        description:
          '希望する妊娠・出産が叶うように必要な支援を行うとともに、社会全体で子育て世代をあたたく支援する風土の醸成に取り組みます。また、子どもが自ら考え、将来を選択でき、心身ともに健やかに成長する環境を整えます。',
        indicators: [
          {
            name: '育児・子育ては、夫婦同じくらい分担していると回答した割合',
            unit: '%',
            cumulative: false,
            direction: 'increase',
            notes: '未就学児を育てている夫婦世帯が対象',
            values: [
              { fiscalYear: 2023, kind: 'baseline', value: 17.9, display: '17.9%' },
              { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
              { fiscalYear: 2031, kind: 'target', value: null, display: '検討中' },
            ],
          },
          {
            name: '保育所等の待機児童数',
            unit: '人',
            cumulative: false,
            direction: 'decrease',
            notes: null,
            values: [{ fiscalYear: 2023, kind: 'baseline', value: 6, display: '6人' }],
          },
          {
            name: '将来の夢ややりたいことがあると答えた児童・生徒の割合(小中学校)',
            unit: '%',
            cumulative: false,
            direction: 'increase',
            notes: null,
            values: [
              { fiscalYear: 2023, kind: 'baseline', value: null, display: '小 79.9% 中 66.3%' },
            ],
          },
        ],
        children: [
          {
            level: '施策',
            code: '1-(1)',
            title: '希望する妊娠・出産が叶う',
            description:
              '経済的、年齢・身体的な理由などによって、出産を諦めることがないよう、必要な環境を整えます。',
            indicators: [
              {
                name: '保育所等申込者に対する受入可能人数の割合',
                unit: '%',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 97.0, display: '97.0%' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '子育て環境を整備する企業への支援数',
                unit: null,
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '—' }],
              },
            ],
            children: [
              { level: '主な取組', code: '1-(1)-1', title: '将来の妊娠に向けた支援', description: null },
              { level: '主な取組', code: '1-(1)-2', title: '良質な就労環境による家計の安定', description: null },
              { level: '主な取組', code: '1-(1)-3', title: '夫婦で働きながら子育てができる環境づくり', description: null },
            ],
          },
          {
            level: '施策',
            code: '1-(2)',
            title: '子育てにゆとりが持てる',
            description:
              '子育てを一人で抱え込むことがないよう、男性の家事・育児に充てる時間を増やすとともに、社会や地域で支援する仕組みの整備や社会風土を醸成します。',
            indicators: [
              {
                name: '母親父親教室への男性の参加者数',
                unit: '人',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: null, display: '—' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '1日当たりの地域子育て支援拠点の利用人数',
                unit: '人',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '集計中' }],
              },
              {
                name: '子育て支援に取り組む企業の紹介回数',
                unit: '回',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '—' }],
              },
            ],
            children: [
              { level: '主な取組', code: '1-(2)-1', title: '男性の育児休業取得のための総合支援策の推進', description: null },
              { level: '主な取組', code: '1-(2)-2', title: '柔軟な働き方による子育て時間の確保', description: null },
              { level: '主な取組', code: '1-(2)-3', title: '地域子育て支援拠点の充実と利用促進', description: null },
              { level: '主な取組', code: '1-(2)-4', title: '子育て世代を支援する企業等の紹介と拡大', description: null },
            ],
          },
          {
            level: '施策',
            code: '1-(3)',
            title: '子どもが希望を持って成長する',
            description:
              '子どもの確かな学力や豊かで健やかな心身を育成します。また、子どもが抱える様々な悩みや課題に寄り添う相談・支援体制を強化します。',
            indicators: [
              {
                name: '話し合う活動で考えを深め、広げられている児童・生徒の割合(小中学校)',
                unit: '%',
                cumulative: false,
                direction: 'increase',
                notes:
                  '全国学力・学習状況調査において「学級の友達との間で話し合う活動を通じて、自分の考えを深めたり、広げたりすることができている」と回答した割合',
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: null, display: '小 78.5% 中 74.1%' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '相談できる大人がいる児童・生徒の割合(小中学校)',
                unit: '%',
                cumulative: false,
                direction: 'increase',
                notes:
                  '全国学力・学習状況調査において「困りごとや不安があるときに、先生や学校にいる大人にいつでも相談できる」と回答した割合',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '集計中' }],
              },
            ],
            children: [
              { level: '主な取組', code: '1-(3)-1', title: '主体的・対話的で深い学びの実現に向けた授業改善', description: null },
              { level: '主な取組', code: '1-(3)-2', title: '悩みや課題に寄り添う相談・支援体制の強化', description: null },
              { level: '主な取組', code: '1-(3)-3', title: '進学を希望する生徒への経済的支援', description: null },
              { level: '主な取組', code: '1-(3)-4', title: '社会参画意識の醸成', description: null },
            ],
          },
        ],
      },

      // ───────────────────────── 重点戦略2 ─────────────────────────
      {
        level: '重点戦略',
        code: '2',
        title: '活気あふれる産業づくり',
        description:
          '基盤産業の集積と持続可能性を高めるために投資の促進、技術開発や研究開発拠点化を推進します。また、企業の人材育成、労働者のリスキリングや、それぞれのライフスタイルに合った働き方の実現を目指した労働環境の整備を促進します。さらに、創業の支援体制を構築するとともに、中小企業の課題の解決を支援します。',
        indicators: [
          {
            name: '知的対流を通じた交流人数',
            unit: '人',
            cumulative: true,
            direction: 'increase',
            notes: null,
            values: [
              { fiscalYear: 2023, kind: 'baseline', value: 446, display: '446人' },
              { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
            ],
          },
          {
            name: '創業者数',
            unit: '人',
            cumulative: true,
            direction: 'increase',
            notes: '創業支援計画に基づく支援を受けた創業者数',
            values: [{ fiscalYear: 2023, kind: 'baseline', value: 259, display: '259人' }],
          },
        ],
        children: [
          {
            level: '施策',
            code: '2-(1)',
            title: '技術力・競争力を向上する',
            description:
              '基盤産業の集積と持続可能性を高めるために投資を促進するとともに、DX や GX などの新市場への参入が期待できる技術開発や実証プロジェクト等を誘致し、研究開発拠点化や製品化を推進します。',
            indicators: [
              {
                name: '企業立地支援件数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 39, display: '39 件' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                  { fiscalYear: 2031, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '産学共同研究関連支援件数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 8, display: '8 件' }],
              },
              {
                name: '企業における二酸化炭素排出削減量',
                unit: 'トンCO2',
                cumulative: true,
                direction: 'increase',
                notes: '脱炭素設備投資補助金など市の支援によるもの',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 129, display: '129 トンCO2' }],
              },
            ],
            children: [
              { level: '主な取組', code: '2-(1)-1', title: '施設・設備の整備に対する支援', description: null },
              { level: '主な取組', code: '2-(1)-2', title: 'あらゆる産業のスマート化への支援', description: null },
              { level: '主な取組', code: '2-(1)-3', title: '産業間や、企業・大学・行政の連携の強化', description: null },
              { level: '主な取組', code: '2-(1)-4', title: '脱炭素に向けた技術開発への支援', description: null },
            ],
          },
          {
            level: '施策',
            code: '2-(2)',
            title: '担い手の育成・確保を支援する',
            description:
              '人材育成に向けたリスクリングやそれぞれのライフスタイルに合った働き方の実現に向けて、企業等における柔軟な労働環境の整備を促進します。',
            indicators: [
              {
                name: '合同就職面接会に参加した市内企業数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 98, display: '98件' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '新規就農者数',
                unit: '人',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 8, display: '8人' }],
              },
            ],
            children: [
              { level: '主な取組', code: '2-(2)-1', title: '様々な就労機会の創出支援', description: null },
              { level: '主な取組', code: '2-(2)-2', title: '新たな担い手の確保', description: null },
              { level: '主な取組', code: '2-(2)-3', title: '働き方改革に取り組む企業への支援', description: null },
              { level: '主な取組', code: '2-(2)-4', title: 'リスクリングの推進', description: null },
            ],
          },
          {
            level: '施策',
            code: '2-(3)',
            title: '経済環境の変化に適応する',
            description:
              '誰もが創業などの新しいことにチャレンジできるよう支援体制を構築します。また、中小企業の課題の解決を支援しつつ、スムーズな事業の拡大や承継などを促進します。',
            indicators: [
              {
                name: '創業支援件数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 886, display: '886件' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '中小企業の相談受付件数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: '関係支援機関を含めた相談受付件数',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 2831, display: '2,831件' }],
              },
            ],
            children: [
              { level: '主な取組', code: '2-(3)-1', title: '起業家の育成', description: null },
              { level: '主な取組', code: '2-(3)-2', title: '円滑な創業・事業承継の促進', description: null },
              { level: '主な取組', code: '2-(3)-3', title: 'デジタル技術の活用を基にした産業の活性化', description: null },
            ],
          },
        ],
      },

      // ───────────────────────── 重点戦略3 ─────────────────────────
      {
        level: '重点戦略',
        code: '3',
        title: '高齢者の想いに寄り添う環境づくり',
        description:
          '健康寿命を延ばす取組を推進するとともに、いつまでも住み慣れた地域で暮らせるよう、様々な主体が協力して支える体制を強化します。また、自分らしい生き方を実現できるよう、積み重ねた知識や経験を活かす機会の創出や、一人一人の権利を守る取組の推進を行います。',
        indicators: [
          {
            name: '地域協議体の開催回数',
            unit: '回',
            cumulative: false,
            direction: 'increase',
            notes:
              '地域の高齢者の介護予防、生活支援に関する課題について共有し解決を図る「第2層協議体」',
            values: [
              { fiscalYear: 2023, kind: 'baseline', value: 47, display: '47回' },
              { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
            ],
          },
          {
            name: '成年後見制度出張講座等参加者数',
            unit: '人',
            cumulative: true,
            direction: 'increase',
            notes: null,
            values: [{ fiscalYear: 2023, kind: 'baseline', value: 4800, display: '4,800人' }],
          },
        ],
        children: [
          {
            level: '施策',
            code: '3-(1)',
            title: '健康で元気に活躍する',
            description:
              '健康意識を高め、自らの健康について考え、取り組む機会を提供します。また、それぞれの希望に合った活躍の場、機会を創出します。',
            indicators: [
              {
                name: 'フレイルチェック参加者数',
                unit: '人',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 505, display: '505人' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '生きがい事業団会員数',
                unit: '人',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 1933, display: '1,933人' }],
              },
            ],
            children: [
              { level: '主な取組', code: '3-(1)-1', title: 'フレイルに早めに気づくための機会の確保', description: null },
              { level: '主な取組', code: '3-(1)-2', title: '高齢者の多様な就業機会の確保', description: null },
              { level: '主な取組', code: '3-(1)-3', title: '知識、経験を活かす機会の創出', description: null },
              { level: '主な取組', code: '3-(1)-4', title: '趣味や学びなどを通じた交流機会の創出', description: null },
            ],
          },
          {
            level: '施策',
            code: '3-(2)',
            title: '住み慣れた地域の暮らしを支援する',
            description:
              '医療と介護の連携強化と、身近な地域資源を活用して、生活課題の解決につなげます。また、介護人材の安定的な確保に向けた取組を行います。',
            indicators: [
              {
                name: '医療・介護多職種連携研修会の実施回数',
                unit: '回',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 8, display: '8回' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '認知症サポーター養成者数',
                unit: '人',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 27309, display: '27,309人' }],
              },
            ],
            children: [
              { level: '主な取組', code: '3-(2)-1', title: '医療・介護関係者の情報共有支援の充実', description: null },
              { level: '主な取組', code: '3-(2)-2', title: '地域住民への医療・介護に関する情報の提供', description: null },
              { level: '主な取組', code: '3-(2)-3', title: '介護人材の確保や介護現場の生産性向上に向けた支援', description: null },
              { level: '主な取組', code: '3-(2)-4', title: '認知症の早期発見・早期対応', description: null },
              { level: '主な取組', code: '3-(2)-5', title: '地域包括支援センターの機能強化', description: null },
            ],
          },
          {
            level: '施策',
            code: '3-(3)',
            title: '権利擁護を推進する',
            description:
              '本人の意思による選択を尊重するとともに、いのちや権利、財産を守り、自立した生活を送れるよう支援します。',
            indicators: [
              {
                name: '後見サポーター採用者数',
                unit: '人',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 39, display: '39人' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '高齢者虐待防止に関する研修の実施回数',
                unit: '回',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 60, display: '60回' }],
              },
              {
                name: '終活講座の実施回数',
                unit: '回',
                cumulative: false,
                direction: 'increase',
                notes: '自分らしい人生の締めくくりを迎えるための活動',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 34, display: '34回' }],
              },
              {
                name: '高齢者見守り協定の締結団体数',
                unit: '団体',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 17, display: '17団体' }],
              },
            ],
            children: [
              { level: '主な取組', code: '3-(3)-1', title: '成年後見制度の普及啓発と利用支援', description: null },
              { level: '主な取組', code: '3-(3)-2', title: '高齢者虐待の防止', description: null },
              { level: '主な取組', code: '3-(3)-3', title: '自分らしい人生の締めくくりを迎えるための支援', description: null },
              { level: '主な取組', code: '3-(3)-4', title: '孤立しないための見守り支援', description: null },
            ],
          },
        ],
      },

      // ───────────────────────── 重点戦略4 ─────────────────────────
      {
        level: '重点戦略',
        code: '4',
        title: '安心・安全で快適なまちづくり',
        description:
          '災害に対して強くしなやかに対応するため、ハードとソフトの両面から防災・減災対策を強化します。また、暮らしやすい環境をつくるため、都市機能の集積による生活拠点の形成を進めるとともに、誰でも安全かつ快適に移動できる交通環境の充実や市民の課題解決が実現できる体制整備に取り組みます。',
        indicators: [
          {
            name: '防災訓練の参加割合',
            unit: '%',
            cumulative: false,
            direction: 'increase',
            notes: null,
            values: [
              { fiscalYear: 2023, kind: 'baseline', value: 6.5, display: '6.5%' },
              { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
            ],
          },
          {
            name: '自動運転バスの運行路線数',
            unit: '路線',
            cumulative: true,
            direction: 'increase',
            notes: null,
            values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '-' }],
          },
        ],
        children: [
          {
            level: '施策',
            code: '4-(1)',
            title: '防災・減災対策を強化する',
            description:
              '地域防災力の向上を推進するとともに、防災知識・意識の向上を促進します。また、災害による被害を最小限に抑え、迅速に復旧するための取組を強化するとともに、道路や下水道などのインフラの強化を推進します。',
            indicators: [
              {
                name: '要配慮者利用施設における避難確保計画の作成割合',
                unit: '%',
                cumulative: false,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 71, display: '71%' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '橋りょうの耐震化数',
                unit: '橋',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '集計中' }],
              },
              {
                name: '公共下水道管路の耐震化路線数',
                unit: '路線',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '集計中' }],
              },
            ],
            children: [
              { level: '主な取組', code: '4-(1)-1', title: '防災教育の推進', description: null },
              { level: '主な取組', code: '4-(1)-2', title: '避難体制の確保に向けた支援', description: null },
              { level: '主な取組', code: '4-(1)-3', title: 'インフラ施設の耐震化の推進', description: null },
              { level: '主な取組', code: '4-(1)-4', title: '流域治水をはじめとする総合的な浸水対策', description: null },
            ],
          },
          {
            level: '施策',
            code: '4-(2)',
            title: '生活拠点づくりを推進する',
            description:
              '生活利便施設の誘導や既存ストックの活用によって、各生活圏へ機能集積を促すとともに、各拠点における魅力向上を図るほか、地域資源の活用を推進します。',
            indicators: [
              {
                name: '平塚駅周辺における共同建て替えの相談件数',
                unit: '件',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: null, display: '-' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '魅力化実施店舗数',
                unit: '店舗',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 70, display: '70 店舗' }],
              },
              {
                name: '市民主体のまちづくりに向けた意見交換の実施回数',
                unit: '回',
                cumulative: false,
                direction: 'increase',
                notes: '郊外部における地区まちづくり協議会や自治会との意見交換等の実施回数',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '集計中' }],
              },
            ],
            children: [
              { level: '主な取組', code: '4-(2)-1', title: '地域特性を踏まえた生活利便施設の誘導', description: null },
              { level: '主な取組', code: '4-(2)-2', title: '平塚駅周辺地区における多機能化', description: null },
              { level: '主な取組', code: '4-(2)-3', title: '魅力ある店舗づくりや商店街づくりの支援', description: null },
              { level: '主な取組', code: '4-(2)-4', title: '地域資源の有効活用', description: null },
            ],
          },
          {
            level: '施策',
            code: '4-(3)',
            title: '暮らしを支えるネットワークを充実する',
            description:
              '公共交通の利便性を向上するとともに、生活拠点の形成に合わせた交通結節点の創出に加え、移動の快適性を向上します。また、複雑化・複合化した暮らしの課題に対応する仕組みを構築し、包括的な相談支援体制の整備を進めます。さらに、地域課題の解決に取り組む各団体等をつなぐ機会を設けます。',
            indicators: [
              {
                name: '路線バスの乗り継ぎ環境の整備箇所数',
                unit: '箇所',
                cumulative: true,
                direction: 'increase',
                notes: null,
                values: [
                  { fiscalYear: 2023, kind: 'baseline', value: 13, display: '13 箇所' },
                  { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
                ],
              },
              {
                name: '地域における「協議の場」の数',
                unit: '箇所',
                cumulative: false,
                direction: 'increase',
                notes: '様々な地域団体が集まり、地域の課題解決や更なる活性化を検討する場',
                values: [{ fiscalYear: 2023, kind: 'baseline', value: 8, display: '8 箇所' }],
              },
            ],
            children: [
              { level: '主な取組', code: '4-(3)-1', title: '地域特性に合わせた移動手段の確保', description: null },
              { level: '主な取組', code: '4-(3)-2', title: '包括的相談支援体制の整備', description: null },
              { level: '主な取組', code: '4-(3)-3', title: '地域課題の解決に向けた支援', description: null },
            ],
          },
        ],
      },
    ],
  },

  meetings: [
    // ───────────────────── 行革ミーティング（委員会） ─────────────────────
    {
      title: '令和6年度 行革ミーティング 実施結果報告書',
      body: '平塚市行政改革推進委員会・平塚市',
      kind: 'committee',
      fiscalYear: 2024,
      heldOn: '2024-11-15',
      theme: '総合計画の推進',
      commentOpensOn: null,
      commentClosesOn: null,
      opinions: [
        {
          seq: 1,
          nodeCodes: ['1-(2)'],
          department: '健康・子ども部 こども家庭課',
          dueOn: '2025-03-31',
          text: '男性の育児休業は、制度が整っていても市内の中小企業では取得が進んでいない。職場の理解不足や代替要員の確保が壁となっているため、経営者や人事担当者に向けて、取得事例や利用できる助成制度を具体的に伝える機会を設ける必要がある。',
          response: {
            text: '市内中小企業の経営者や人事担当者を対象に、男性の育児休業取得をテーマとしたセミナーを令和6年度中に実施します。実際に取得を進めた企業の事例や国の助成制度の活用方法を紹介するとともに、産業振興課と連携して事業者への周知を行ってまいります。',
            state: 'published',
          },
          progress: [
            {
              period: '2024H2',
              status: 'on_track',
              note: 'セミナーの開催に向け、講師の選定と会場の確保を終え、商工会議所と周知方法を協議中。',
            },
            {
              period: '2025H1',
              status: 'done',
              note: '市内企業向けセミナーを2回実施し、延べ42社が参加した。参加企業の事例集を作成し、市ホームページで公開した。',
            },
          ],
        },
        {
          seq: 2,
          nodeCodes: ['1-(1)'],
          department: '健康・子ども部 保育課',
          dueOn: '2026-03-31',
          text: '保育所等の待機児童は減少しているものの、年度途中の入所希望には十分に応えられていない。受入枠を広げるには保育士の確保が欠かせないため、就職の支援と職場への定着の支援を一体的に進めるべき。',
          response: {
            text: '保育士の確保については、これまで実施してきた就職相談会や市内保育施設の見学会を引き続き開催するとともに、就職準備金の貸付制度や宿舎借り上げ支援の周知に努め、年度途中の受入枠の確保につなげてまいります。',
            state: 'published',
          },
          progress: [
            {
              period: '2024H2',
              status: 'on_track',
              note: '保育士就職相談会を開催し、参加者のうち9人が市内の保育施設に就職した。',
            },
            {
              period: '2025H1',
              status: 'on_track',
              note: '保育施設見学会を2回実施した。貸付制度の案内を養成校へ送付し、周知を図っている。',
            },
          ],
        },
        {
          seq: 3,
          nodeCodes: ['2-(3)'],
          department: '産業振興部 産業振興課',
          dueOn: '2026-03-31',
          text: '創業支援の件数は着実に伸びているが、創業から数年で事業をやめてしまう例も少なくない。創業時の支援にとどまらず、経営が軌道に乗るまで継続して伴走する仕組みを整える必要がある。',
          response: {
            text: '創業後おおむね3年以内の事業者を対象に、商工会議所や金融機関などの支援機関と連携したフォローアップ面談を開始します。資金繰りや販路開拓などの相談に個別に応じることで、創業後の事業の継続を支えてまいります。',
            state: 'published',
          },
          progress: [
            {
              period: '2024H2',
              status: 'on_track',
              note: '面談の対象となる事業者の抽出を行い、支援機関と役割分担について協議中。',
            },
            {
              period: '2025H1',
              status: 'delayed',
              note: '面談を担当する専門家の確保に時間を要し、開始時期を当初予定から見直している。',
            },
            {
              period: '2025H2',
              status: 'on_track',
              note: '専門家の派遣体制が整い、フォローアップ面談を開始した。12事業者と面談を行った。',
            },
          ],
        },
        {
          seq: 4,
          nodeCodes: ['2-(1)'],
          department: '産業振興部 産業振興課',
          dueOn: '2026-03-31',
          text: '産学共同研究への支援件数はまだ少なく、市内企業が大学の知見を活かせる機会は限られている。企業と大学の研究者が気軽に出会える場をつくり、脱炭素などの新しい分野での共同研究につなげることが望まれる。',
          response: {
            text: '市内企業と大学の研究者との交流の場については、これまでの産学連携の取組や他市の事例を参考にしながら、企業の技術的な課題を把握する方法も含め、設置の在り方を検討してまいります。',
            state: 'published',
          },
          progress: [
            {
              period: '2024H2',
              status: 'not_started',
              note: '他の産学連携事業の見直しを優先しており、交流の場の検討には着手していない。',
            },
            {
              period: '2025H1',
              status: 'not_started',
              note: '大学側との協議の日程が定まらず、引き続き検討に着手できていない。',
            },
          ],
        },
        {
          seq: 5,
          nodeCodes: ['1-(2)', '2-(2)'],
          department: '産業振興部 産業振興課',
          dueOn: '2026-03-31',
          text: '子育て世代が育児の時間を確保するためには、企業による柔軟な働き方の導入が欠かせない。在宅勤務や短時間勤務などに積極的に取り組む市内企業を市が評価し、広く紹介することで、他の企業への広がりを図るべき。',
          response: {
            text: '柔軟な働き方に取り組む市内企業を認定し紹介する制度については、国や県の既存の認証制度との関係を整理したうえで、企業にとって人材確保などの利点が感じられる仕組みとなるよう、こども家庭課と連携して検討してまいります。',
            state: 'draft',
          },
          progress: [],
        },
        {
          seq: 6,
          nodeCodes: ['3-(1)'],
          department: '福祉部 高齢福祉課',
          dueOn: '2025-03-31',
          text: 'フレイルチェックの参加者は、健康への関心が高い一部の高齢者に偏っている。身近な場所で気軽に参加できるよう開催場所や時間帯を工夫し、これまで参加していない層に働きかける必要がある。',
          response: {
            text: '令和6年度から、地区公民館を会場としたフレイルチェックを実施します。あわせて、自治会や老人クラブを通じた案内を行い、これまで参加の少なかった地域の高齢者にも参加を呼びかけてまいります。',
            state: 'published',
          },
          progress: [
            {
              period: '2024H2',
              status: 'on_track',
              note: '地区公民館3館でフレイルチェックを実施し、延べ64人が参加した。',
            },
            {
              period: '2025H1',
              status: 'on_track',
              note: '実施館を6館に広げ、老人クラブを通じた案内を行った。初めての参加者が半数を超えた。',
            },
          ],
        },
        {
          seq: 7,
          nodeCodes: ['3-(2)'],
          department: '福祉部 地域包括ケア推進課',
          dueOn: '2026-03-31',
          text: '介護現場の人材不足は深刻であり、新たな人材の確保とあわせて、職員の負担を軽くする取組が欠かせない。介護ロボットや情報通信機器の導入を事業所任せにせず、市としても後押しすべき。',
          response: {
            text: '介護人材の確保については、引き続き介護職員初任者研修の受講費用の助成や就職相談会を実施してまいります。また、国や県の補助制度を活用した介護ロボット等の導入について、事業所連絡会などの機会を通じて情報提供を行ってまいります。',
            state: 'published',
          },
          progress: [],
        },
        {
          seq: 8,
          nodeCodes: ['4-(1)'],
          department: '防災危機管理部 防災危機管理課',
          dueOn: '2026-03-31',
          text: '要配慮者利用施設における避難確保計画の作成割合は7割程度にとどまっている。小規模な施設では作成の手順が分からない例もあるため、作成を施設任せにせず、個別の支援を行う必要がある。',
          response: {
            text: '避難確保計画が未作成の施設に対しては、作成例の提供に加え、職員が施設を訪問して助言を行うなど、個別の支援の方法について、施設を所管する関係課と連携して検討してまいります。',
            state: 'approved',
          },
          progress: [],
        },
        {
          seq: 9,
          nodeCodes: ['4-(3)'],
          department: '都市整備部 交通政策課',
          dueOn: null,
          text: '路線バスの乗り継ぎ拠点の中には、屋根やベンチがなく、高齢者や子ども連れが待ちにくい場所がある。乗り継ぎの負担を減らすため、待合環境の整備を計画的に進めることが望まれる。',
          response: {
            text: '全ての乗り継ぎ拠点に上屋やベンチを設置することは、歩道の幅員や用地の制約から困難ですが、利用者の多い拠点から優先順位を付け、バス事業者や道路管理者と調整しながら、可能な箇所から整備を進めます。',
            state: 'published',
          },
          progress: [],
        },
        {
          seq: 10,
          nodeCodes: ['3-(3)'],
          department: '福祉部 高齢福祉課',
          dueOn: null,
          text: '高齢者見守り協定の締結団体数は増えているが、協定を結んだ事業者が実際にどのように見守り、異変に気づいた際にどこへ連絡しているのかが市民には見えにくい。協定の運用状況を分かりやすく示すことが必要である。',
          response: {
            text: '見守り協定を締結している事業者には、配達や訪問の際に郵便物がたまっているなどの異変に気づいた場合、地域包括支援センター又は市へ連絡していただく運用としております。連絡の件数や対応の事例は、年1回の協定締結団体連絡会において共有しております。',
            state: 'published',
          },
          progress: [],
        },
      ],
    },

    // ───────────────────── パブリックコメント ─────────────────────
    {
      title: '平塚市行財政改革計画（2024-2027）素案に対する意見募集',
      body: '平塚市',
      kind: 'public_comment',
      fiscalYear: 2023,
      heldOn: '2023-12-01',
      theme: '行財政改革計画 素案',
      commentOpensOn: '2023-12-01',
      commentClosesOn: '2023-12-28',
      opinions: [
        {
          seq: 1,
          nodeCodes: [],
          department: '市民部 市民課',
          dueOn: null,
          text: '市役所の窓口では、同じ住所や氏名を何枚もの申請書に書かなければならないことがある。手続のデジタル化を進めて記入の手間を減らし、待ち時間を短くしてほしい。',
          response: {
            text: '窓口での手続については、申請書への記入を減らす「書かない窓口」の導入を素案に位置付けております。まずは転入や転居などの手続が集中する市民課の窓口から取組を始め、順次対象となる手続を広げてまいります。',
            state: 'published',
          },
          progress: [],
        },
        {
          seq: 2,
          nodeCodes: [],
          department: '企画政策部 資産経営課',
          dueOn: null,
          text: '公共施設の統合や廃止を進める方針は理解できるが、身近な公民館や集会所がなくなると、高齢者の居場所が失われるのではないか。見直しにあたっては地域の声を丁寧に聞いてほしい。',
          response: {
            text: '公共施設の再編にあたっては、施設の利用状況や老朽化の程度を踏まえて検討してまいります。具体的な施設の見直しを行う際には、地域の皆様への説明会や意見交換の場を設け、御意見を丁寧に伺いながら進めてまいります。',
            state: 'published',
          },
          progress: [],
        },
        {
          seq: 3,
          nodeCodes: [],
          department: '企画政策部 企画政策課',
          dueOn: null,
          text: 'ふるさと寄附金の返礼品は、近隣の市と比べて見劣りしているのではないか。市内の農産物や工業製品の魅力をもっと発信して寄附を集め、市の財源の確保につなげてほしい。',
          response: {
            text: 'ふるさと寄附金については、市内事業者と連携した新たな返礼品の開発を進めるとともに、寄附金の使い道を分かりやすくお伝えする情報発信に取り組み、寄附額の増加による自主財源の確保に努めてまいります。',
            state: 'published',
          },
          progress: [],
        },
      ],
    },
  ],
};
