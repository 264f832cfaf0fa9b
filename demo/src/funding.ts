import { DONORS, type DonorSlug } from './organizations.ts';
import type { ProjectDraft } from './ProjectDraft.ts';
import type { Random } from './random.ts';

export interface FundingShare {
  slug: DonorSlug | 'ministry';
  amount: number;
}

/** Chance that a project has donor money besides the ministry's, by country. */
const DONOR_CHANCE: Readonly<Record<string, number>> = { SYR: 0.45, LBY: 0.4, SAU: 0.12 };
const DEFAULT_DONOR_CHANCE = 0.35;

/** Which donors are active where (relative weights). */
const DONOR_WEIGHTS: Readonly<Record<string, Partial<Record<DonorSlug, number>>>> = {
  SYR: { undp: 10, 'un-habitat': 6, eu: 6, giz: 6, unicef: 5, kfw: 2, isdb: 2, sfd: 2, 'kuwait-fund': 2, jica: 2, 'world-bank': 1, afd: 1 },
  LBY: { undp: 10, eu: 8, giz: 8, unicef: 4, 'un-habitat': 4, 'world-bank': 3, afd: 3, kfw: 2, isdb: 2, 'kuwait-fund': 1, jica: 1 },
  SAU: { 'un-habitat': 5, isdb: 4, undp: 3, 'world-bank': 2, giz: 2 },
};
/** UNICEF funds water, schools and clinics, not roads. */
const UNICEF_SECTORS = new Set(['water', 'education', 'health', 'social']);

/** The ministry always funds; sometimes one or two donors add money. Amounts never exceed the budget. */
export function planFunding(random: Random, draft: ProjectDraft): FundingShare[] {
  if (!random.chance(DONOR_CHANCE[draft.area.countryIso3] ?? DEFAULT_DONOR_CHANCE)) return [{ slug: 'ministry', amount: draft.budget }];
  const weights = DONOR_WEIGHTS[draft.area.countryIso3];
  const weightOf = (slug: DonorSlug) => (weights ? (weights[slug] ?? 0) : 1) * (slug === 'unicef' && !UNICEF_SECTORS.has(draft.sector) ? 0.2 : 1);
  const candidates = DONORS.map((d) => d.slug).filter((slug) => weightOf(slug) > 0);
  const first = random.weighted(candidates, weightOf);
  const donors = [first];
  if (random.chance(0.3)) donors.push(random.weighted(candidates.filter((slug) => slug !== first), weightOf));

  const shares: FundingShare[] = [];
  let left = draft.budget;
  for (const slug of donors) {
    const part = donors.length === 1 ? random.between(0.3, 0.8) : random.between(0.15, 0.45);
    const amount = Math.floor((draft.budget * part) / 1000) * 1000;
    shares.push({ slug, amount });
    left -= amount;
  }
  return [{ slug: 'ministry', amount: left }, ...shares];
}
