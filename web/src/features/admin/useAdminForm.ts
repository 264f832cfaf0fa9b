import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../../ui/FormField.tsx';
import { draftChanged, type FieldValue } from './draftChanged.ts';
import { formProblemOf } from './formProblem.ts';
import { useReportUnsaved } from './unsavedForms.ts';

interface Options<Item, Draft> {
  /** The item to change, read once when the form opens; `null` for a new one. */
  opened: Item | null;
  empty: Draft;
  draftOf: (item: Item) => Draft;
  /** The test ids' prefix (`<form>-<field>`). */
  formName: string;
  /** The calls that save a new item and a change (the form sends with them; it reads their state here). */
  create: Mutation;
  change: Mutation;
}

interface Mutation {
  error: unknown;
  isPending: boolean;
}

/**
 * The state of an admin form: its draft and the errors found before sending, what the API refused
 * (by field, and as a whole), whether a save is under way, and whether it counts as unsaved.
 *
 * The item as it was when the form opened stays `editing`: the draft starts from it and the change
 * is computed against it, not against a newer copy from the refetched list, so what another admin
 * changed meanwhile is not undone by fields this form left alone.
 */
export function useAdminForm<Item, Draft extends Record<keyof Draft, FieldValue>>({
  opened,
  empty,
  draftOf,
  formName,
  create,
  change,
}: Options<Item, Draft>) {
  const { t } = useTranslation();
  const [editing] = useState(opened);
  const [start] = useState<Draft>(() => (editing === null ? empty : draftOf(editing)));
  const [draft, setDraft] = useState(start);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const saving = editing === null ? create : change;
  const problem = saving.error === null ? null : formProblemOf(saving.error);
  useReportUnsaved(draftChanged(start, draft));

  const set = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const errorOf = (field: keyof Draft & string): string | undefined => {
    const local = errors[field];
    return local !== undefined ? t(`admin.errors.${local}`) : problem?.fields[field];
  };
  const field = useFields<keyof Draft & string>(formName, errorOf);

  return { editing, draft, set, setErrors, errorOf, field, saving, problem };
}
