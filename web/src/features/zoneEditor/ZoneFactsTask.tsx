import { ZONE_DEVELOPMENTS, type ZoneDetail, type ZoneDevelopment } from '@marsad/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { FailureNotice, TaskFrame } from './TaskParts.tsx';
import { writeFailure, type WriteFailure } from './writeFailure.ts';
import { updateZoneFacts } from './zoneEditorApi.ts';
import { zoneFactsChange, zoneFactsFormOf, type ZoneFactsForm } from './zoneFactsForm.ts';

type Field = keyof ZoneFactsForm;
const isField = (name: string): name is Field => name === 'development' || name === 'area_ha';

/** The zone's own facts (new or rehabilitated, its area) → PATCH /api/zones/{id} with the zone version read. */
export function ZoneFactsTask({ zone, csrfToken, language, onSaved, onReload, onClose }: {
  zone: ZoneDetail;
  csrfToken: string;
  language: Language;
  onSaved: () => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [start] = useState(() => zoneFactsFormOf(zone));
  const [form, setForm] = useState(start);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'nothingChanged' | 'saved'>('idle');
  const fieldOf = useFields<Field>('zone-facts', (name) => errors[name]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const change = zoneFactsChange(start, form, zone.version);
    if (change !== null && 'problem' in change) {
      setErrors({ area_ha: t('zoneEditor.invalid.area') });
      return;
    }
    setErrors({});
    if (change === null) {
      setState('nothingChanged');
      return;
    }
    setState('saving');
    try {
      await updateZoneFacts(zone.id, change, csrfToken);
      setState('saved');
      onSaved();
    } catch (error) {
      setState('idle');
      const sorted = writeFailure(error, isField);
      if (sorted.kind === 'fields') setErrors(sorted.fields);
      setFailure(sorted);
    }
  };

  return (
    <TaskFrame title={t('zoneEditor.action.facts')} onClose={onClose} testId="zone-facts-task">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-row">
          <FormField field={fieldOf('development')} label={t('zoneEditor.field.development')}>
            <select
              value={form.development}
              onChange={(e) => {
                setForm((f) => ({ ...f, development: e.target.value as ZoneDevelopment }));
                setState('idle');
              }}
              {...controlProps(fieldOf('development'))}
            >
              <Options values={ZONE_DEVELOPMENTS} label={(d) => t(`zoneEditor.development.${d}`)} />
            </select>
          </FormField>
          <FormField field={fieldOf('area_ha')} label={t('zoneEditor.field.area_ha')}>
            <input
              type="text"
              inputMode="decimal"
              dir="ltr"
              lang={language}
              value={form.area_ha}
              onChange={(e) => {
                setForm((f) => ({ ...f, area_ha: e.target.value }));
                setErrors({});
                setState('idle');
              }}
              {...controlProps(fieldOf('area_ha'))}
            />
          </FormField>
        </div>
        <div aria-live="polite">
          {state === 'nothingChanged' && <p className="notice">{t('zoneEditor.nothingChanged')}</p>}
          {state === 'saved' && (
            <p className="form-success" data-testid="zone-facts-saved">
              {t('zoneEditor.saved.facts')}
            </p>
          )}
        </div>
        <FailureNotice failure={failure} onReload={onReload} testId="zone-facts" />
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={state === 'saving'} data-testid="zone-facts-save">
            {state === 'saving' ? t('zoneEditor.saving') : t('zoneEditor.save')}
          </button>
        </div>
      </form>
    </TaskFrame>
  );
}
