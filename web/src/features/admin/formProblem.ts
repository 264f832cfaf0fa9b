import { fieldErrorsOf, ProblemError } from '../../api/http.ts';

/** What a failed save tells the form: the API's `detail`, and messages for the fields it names. */
export interface FormProblem {
  status: number | null;
  detail: string;
  /** By form field: `governorates.0` of the API is the form's `governorates`. */
  fields: Record<string, string>;
}

export function formProblemOf(error: unknown): FormProblem {
  if (error instanceof ProblemError) return { status: error.status, detail: error.detail, fields: fieldErrorsOf(error) };
  return { status: null, detail: error instanceof Error ? error.message : String(error), fields: {} };
}
