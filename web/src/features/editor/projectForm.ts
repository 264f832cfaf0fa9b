import { CURRENCY_CODE, PROJECT_CODE, type ProjectChange } from '@marsad/contracts';
import type { ProjectDetail } from '../../api/projects.ts';
import { isOneOf, PROJECT_KINDS, SECTORS, type ProjectKind, type Sector } from '../../data/vocabulary.ts';

/** One funder as the inputs hold it; the currency is kept as stored (new rows take the project's). */
export interface FundingRow {
  organization: string;
  amount: string;
  currency: string;
}

/** The editor's fields as the inputs hold them: text, a checkbox, choices, and the funders. */
export interface ProjectForm {
  code: string;
  kind: ProjectKind;
  sector: Sector;
  title_ar: string;
  title_en: string;
  description_ar: string;
  description_en: string;
  budget: string;
  currency: string;
  planned_start: string;
  planned_end: string;
  is_published: boolean;
  funding: FundingRow[];
}

export type ProjectFormField = keyof ProjectForm;

/** The fields of `POST /api/projects` and `PATCH /api/projects/{id}`, besides the geometry. */
export type ProjectFieldsBody = Omit<ProjectChange, 'version' | 'geometry' | 'repair_geometry'>;

export const EMPTY_FORM: ProjectForm = {
  code: '',
  kind: 'development_project',
  sector: SECTORS[0],
  title_ar: '',
  title_en: '',
  description_ar: '',
  description_en: '',
  budget: '',
  currency: 'USD',
  planned_start: '',
  planned_end: '',
  // A new project is the ministry's until someone decides to publish it.
  is_published: false,
  funding: [],
};

/** The form filled from a project as the API returns it. */
export function formFromProject(project: ProjectDetail): ProjectForm {
  return {
    code: project.code,
    kind: isOneOf(PROJECT_KINDS, project.kind) ? project.kind : EMPTY_FORM.kind,
    sector: isOneOf(SECTORS, project.sector) ? project.sector : EMPTY_FORM.sector,
    title_ar: project.title_ar,
    title_en: project.title_en,
    description_ar: project.description_ar ?? '',
    description_en: project.description_en ?? '',
    budget: project.budget === null ? '' : String(project.budget),
    currency: project.currency,
    planned_start: project.planned_start ?? '',
    planned_end: project.planned_end ?? '',
    is_published: project.is_published,
    funding: project.funding.map((f) => ({ organization: f.organization, amount: String(f.amount), currency: f.currency })),
  };
}


/** Message keys (under `editor.invalid`) for what the API would refuse, checked before sending. */
export function formProblems(form: ProjectForm): Partial<Record<ProjectFormField, string>> {
  const problems: Partial<Record<ProjectFormField, string>> = {};
  if (!PROJECT_CODE.test(form.code.trim())) problems.code = 'code';
  if (form.title_ar.trim().length < 3) problems.title_ar = 'title';
  if (form.title_en.trim().length < 3) problems.title_en = 'title';
  const budget = form.budget.trim();
  if (budget !== '' && !(Number.isFinite(Number(budget)) && Number(budget) >= 0)) problems.budget = 'budget';
  if (!CURRENCY_CODE.test(form.currency.trim())) problems.currency = 'currency';
  if (form.planned_start !== '' && form.planned_end !== '' && form.planned_end < form.planned_start) problems.planned_end = 'endBeforeStart';
  const funders = form.funding.map((f) => f.organization);
  if (funders.some((o) => o === '')) problems.funding = 'fundingOrganization';
  else if (new Set(funders).size !== funders.length) problems.funding = 'fundingDuplicate';
  else if (form.funding.some((f) => !(f.amount.trim() !== '' && Number.isFinite(Number(f.amount)) && Number(f.amount) >= 0))) problems.funding = 'fundingAmount';
  return problems;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Every field, as `POST /api/projects` takes them. */
export function bodyFromForm(form: ProjectForm): Required<ProjectFieldsBody> {
  return {
    code: form.code.trim(),
    kind: form.kind,
    sector: form.sector,
    title_ar: form.title_ar.trim(),
    title_en: form.title_en.trim(),
    description_ar: orNull(form.description_ar),
    description_en: orNull(form.description_en),
    budget: form.budget.trim() === '' ? null : Number(form.budget.trim()),
    currency: form.currency.trim(),
    planned_start: orNull(form.planned_start),
    planned_end: orNull(form.planned_end),
    is_published: form.is_published,
    funding: form.funding.map((f) => ({ organization: f.organization, amount: Number(f.amount.trim()), currency: f.currency })),
  };
}

/**
 * Only what the user changed, for `PATCH`: the audit log then records exactly that, and a field
 * someone else changed meanwhile is not sent back (the version check catches the rest).
 */
export function changedFields(before: ProjectForm, after: ProjectForm): ProjectFieldsBody {
  const old = bodyFromForm(before);
  const next = bodyFromForm(after);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ProjectFieldsBody)[]) {
    // The funders go as one list, whole, when any of them changed.
    if (JSON.stringify(next[key]) !== JSON.stringify(old[key])) changed[key] = next[key];
  }
  return changed as ProjectFieldsBody;
}

/** What the user saw of the fields they changed (`base` of `PATCH /api/projects/{id}`). */
export function seenOf(seen: ProjectForm, changed: ProjectFieldsBody): Record<string, unknown> {
  const before = bodyFromForm(seen) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changed).map((key) => [key, before[key]]));
}

/** A code to start from for a new project in a governorate: `SY-DI-2026-`. */
export function suggestedCodePrefix(governorate: string, today: Date = new Date()): string {
  return `${governorate}-${today.getFullYear()}-`;
}
