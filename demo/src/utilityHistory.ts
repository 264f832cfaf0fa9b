import type { ProgressUpdateRow } from './progressUpdates.ts';
import type { Random } from './random.ts';

/**
 * The stage of work and readiness of a zone's five networks at each of its progress reports, so
 * the zone's timeline shows how it was built or rehabilitated: a rehabilitated zone's networks
 * start 'damaged' (partly working), a new zone's 'not_started'; both go through design and
 * tendering while the zone is planned and tendered, then each network is built in its turn as
 * the works progress (roads first, telecoms last), becoming partially operational and, by the
 * end of the works, operational. Readiness never falls; a suspended or cancelled zone keeps
 * where its networks were.
 */
export const NETWORKS = ['water', 'electricity', 'roads', 'sewage', 'telecoms'] as const;
export type Network = (typeof NETWORKS)[number];
export type UtilityStage = 'damaged' | 'not_started' | 'design' | 'tendering' | 'under_construction' | 'partially_operational' | 'operational';

export interface UtilityLine {
  network: Network;
  stage: UtilityStage;
  readiness: number;
  note: string | null;
}

/** Zone progress (%) at which each network's works start and end, before per-zone jitter. */
const WORKS: Readonly<Record<Network, { start: [number, number]; end: [number, number] }>> = {
  roads: { start: [0, 8], end: [55, 80] },
  water: { start: [5, 20], end: [65, 90] },
  electricity: { start: [5, 25], end: [65, 92] },
  sewage: { start: [15, 35], end: [75, 98] },
  telecoms: { start: [30, 55], end: [85, 99] },
};

const STAGE_ORDER: readonly UtilityStage[] = ['damaged', 'not_started', 'design', 'tendering', 'under_construction', 'partially_operational', 'operational'];

/** Short notes an engineer writes with a network's line, by stage (a few lines carry one). */
const NOTES: Partial<Record<UtilityStage, Partial<Record<Network, readonly string[]>>>> = {
  damaged: {
    water: ['تضرر خزان المياه الرئيسي وشبكة التوزيع'],
    electricity: ['خروج محطة التحويل عن الخدمة وسرقة الكابلات'],
    roads: ['تضرر الطرق الداخلية وانتشار الأنقاض'],
    sewage: ['انسداد خطوط الصرف وتضرر محطة المعالجة'],
    telecoms: ['تضرر المقسم وشبكة الكوابل الهاتفية'],
  },
  under_construction: {
    water: ['تمديد خطوط المياه في الشارع الرئيسي'],
    electricity: ['تركيب مراكز التحويل في المقاسم الأولى'],
    roads: ['تنفيذ طبقة الأساس للطريق الرئيسي'],
    sewage: ['تمديد المجمعات الرئيسية للصرف الصناعي'],
    telecoms: ['تمديد أقنية الألياف الضوئية'],
  },
  partially_operational: {
    electricity: ['تغذية المقاسم المنتجة من محطة التحويل'],
    water: ['ضخ المياه إلى القطاع الأول'],
  },
  operational: { electricity: ['تم وضع محطة التحويل بالخدمة'], telecoms: ['تشغيل المقسم الآلي'] },
};

/** One list of five lines per report row (same order as `rows`). */
export function utilityHistory(random: Random, rows: readonly ProgressUpdateRow[], development: 'new' | 'rehabilitation'): UtilityLine[][] {
  const plans = NETWORKS.map((network) => {
    const works = WORKS[network];
    const start = random.between(...works.start);
    // A rehabilitated network was there already: less to do, and it still partly works.
    const end = Math.max(start + 25, random.between(...works.end) - (development === 'rehabilitation' ? 10 : 0));
    const damaged = development === 'rehabilitation' ? Math.round(random.between(5, 40)) : 0;
    return { network, start, end, base: damaged, tenderedAt: start * random.between(0.4, 0.8) };
  });
  const last = new Map<Network, UtilityLine>();
  return rows.map((row) =>
    plans.map((plan) => {
      const before = last.get(plan.network);
      let stage: UtilityStage;
      let readiness: number;
      if (row.status === 'suspended' || row.status === 'cancelled') {
        stage = before?.stage ?? (development === 'rehabilitation' ? 'damaged' : 'not_started');
        readiness = before?.readiness ?? plan.base;
      } else if (row.status === 'planned') {
        stage = development === 'rehabilitation' ? 'damaged' : 'not_started';
        readiness = plan.base;
      } else if (row.status === 'tendering') {
        stage = 'design';
        readiness = plan.base;
      } else if (row.status === 'completed' || row.physical >= plan.end) {
        stage = 'operational';
        readiness = row.status === 'completed' ? 100 : Math.round(random.between(95, 100));
      } else if (row.physical < plan.tenderedAt) {
        stage = 'design';
        readiness = plan.base;
      } else if (row.physical < plan.start) {
        stage = 'tendering';
        readiness = plan.base;
      } else {
        const done = (row.physical - plan.start) / (plan.end - plan.start);
        readiness = Math.round(plan.base + (92 - plan.base) * done);
        stage = done < 0.55 || readiness < 50 ? 'under_construction' : 'partially_operational';
      }
      // Never backwards: neither the stage nor the readiness.
      if (before && STAGE_ORDER.indexOf(stage) < STAGE_ORDER.indexOf(before.stage)) stage = before.stage;
      readiness = Math.max(readiness, before?.readiness ?? 0);
      const changed = !before || before.stage !== stage;
      const notes = NOTES[stage]?.[plan.network];
      const note = changed && notes && random.chance(0.5) ? random.pick(notes) : null;
      const line: UtilityLine = { network: plan.network, stage, readiness, note };
      last.set(plan.network, line);
      return line;
    }),
  );
}
