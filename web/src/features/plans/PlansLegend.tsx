import { useTranslation } from 'react-i18next';
import { ATTAINMENT_CLASSES, ATTAINMENT_COLORS, ATTAINMENT_SYMBOLS } from './attainment.ts';

/** "How to read this": a short note, folded once read. */
export function PlansHelp() {
  const { t } = useTranslation();
  return (
    <details className="plans-help" data-testid="plans-help">
      <summary>{t('plans.help.summary')}</summary>
      <ul>
        <li>{t('plans.help.rows')}</li>
        <li>{t('plans.help.cell')}</li>
        <li>{t('plans.help.colour')}</li>
        <li>{t('plans.help.revised')}</li>
        <li>{t('plans.help.open')}</li>
      </ul>
    </details>
  );
}

/** What the cell colours and symbols mean; hidden for a viewer shown no targets, whose cells are not coloured. */
export function PlansLegend({ showsTargets }: { showsTargets: boolean }) {
  const { t } = useTranslation();
  if (!showsTargets) return null;
  return (
    <section className="plans-legend" aria-labelledby="plans-legend-title" data-testid="plans-legend">
      <h3 id="plans-legend-title">{t('plans.legend.title')}</h3>
      <ul>
        {ATTAINMENT_CLASSES.map((c) => (
          <li key={c}>
            <span className="plans-swatch" style={{ background: ATTAINMENT_COLORS[c].background, color: ATTAINMENT_COLORS[c].ink }} aria-hidden="true">
              {ATTAINMENT_SYMBOLS[c]}
            </span>
            {t(`plans.legend.${c}`)}
          </li>
        ))}
        <li>
          <span className="plans-swatch state-not_due" aria-hidden="true" />
          {t('plans.legend.not_due')}
        </li>
        <li>
          <span className="plans-swatch state-no_data" aria-hidden="true">—</span>
          {t('plans.legend.no_data')}
        </li>
        <li>
          <span className="plans-swatch state-no_target" aria-hidden="true" />
          {t('plans.legend.no_target')}
        </li>
      </ul>
    </section>
  );
}
