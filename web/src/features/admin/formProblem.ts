import { ProblemResponseError } from '../account/session.ts';

/** What a failed save tells the form: the API's `detail`, and messages for the fields it names. */
export interface FormProblem {
  status: number | null;
  detail: string;
  /** By form field: `governorates.0` of the API is the form's `governorates`. */
  fields: Record<string, string>;
}

export function formProblemOf(error: unknown): FormProblem {
  if (error instanceof ProblemResponseError) {
    const fields: Record<string, string> = {};
    for (const [parameter, message] of Object.entries(error.fieldErrors)) {
      const field = parameter.split('.')[0]!;
      fields[field] = field in fields ? `${fields[field]}; ${message}` : message;
    }
    return { status: error.status, detail: error.detail, fields };
  }
  const status = error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : null;
  return { status, detail: error instanceof Error ? error.message : String(error), fields: {} };
}
