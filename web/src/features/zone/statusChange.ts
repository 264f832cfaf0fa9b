import type { InvestorKind, Plot, PlotStatus, PlotStatusChange } from '@marsad/contracts';
import { allowedTargets, needsAllocationDate, needsInvestor } from './plotStatus.ts';

/** How the dialog names who will hold the plots. */
export type InvestorChoice = 'keep' | 'existing' | 'new';

/** What the status dialog holds while it is filled in. */
export interface StatusDraft {
  status: PlotStatus | null;
  investorChoice: InvestorChoice;
  investorId: number | null;
  newInvestor: { kind: InvestorKind; name_ar: string; name_en: string; phone: string };
  allocatedOn: string;
  note: string;
}

/** Why a draft cannot be sent yet: a key of `plotStatusDialog` messages. */
export type DraftProblem = 'noTarget' | 'chooseInvestor' | 'nameRequired' | 'noteRequired';

/** Every chosen plot already has an investor, who may simply keep them. */
export const allHeld = (plots: readonly Plot[]): boolean => plots.length > 0 && plots.every((p) => p.status !== 'vacant');

/** A fresh draft for `plots`: the first status they may all go to, today's date, the investor kept when there is one. */
export function initialDraft(plots: readonly Plot[], today: string): StatusDraft {
  const targets = allowedTargets(plots.map((p) => p.status));
  return {
    status: targets.find((s) => s !== 'vacant') ?? targets[0] ?? null,
    investorChoice: allHeld(plots) ? 'keep' : 'existing',
    investorId: null,
    newInvestor: { kind: 'company', name_ar: '', name_en: '', phone: '' },
    allocatedOn: today,
    note: '',
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The request for a draft, or what is missing. The server checks again; this spares a round trip. */
export function statusChangeBody(plots: readonly Plot[], draft: StatusDraft): { body: PlotStatusChange } | { problem: DraftProblem } {
  const status = draft.status;
  if (status === null || !allowedTargets(plots.map((p) => p.status)).includes(status)) return { problem: 'noTarget' };
  const body: PlotStatusChange = { plots: plots.map((p) => ({ id: p.id, version: p.version })), status };
  if (status === 'vacant') {
    if (draft.note.trim() === '') return { problem: 'noteRequired' };
    return { body: { ...body, note: draft.note.trim() } };
  }
  if (needsInvestor(status)) {
    const choice = draft.investorChoice === 'keep' && !allHeld(plots) ? 'existing' : draft.investorChoice;
    if (choice === 'existing') {
      if (draft.investorId === null) return { problem: 'chooseInvestor' };
      body.investor_id = draft.investorId;
    } else if (choice === 'new') {
      if (draft.newInvestor.name_ar.trim() === '') return { problem: 'nameRequired' };
      const { kind, name_ar, name_en, phone } = draft.newInvestor;
      body.new_investor = { kind, name_ar: name_ar.trim(), name_en: optional(name_en) ?? null, phone: optional(phone) ?? null };
    }
  }
  if (needsAllocationDate(status) && draft.allocatedOn !== '') body.allocated_on = draft.allocatedOn;
  const note = optional(draft.note);
  if (note !== undefined) body.note = note;
  return { body };
}
