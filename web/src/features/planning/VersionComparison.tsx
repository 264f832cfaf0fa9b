import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { formatCount, formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { indicatorName, placeName } from './names.ts';
import type { PlanVersion } from './planningApi.ts';
import { useIndicators, useVersionTargets } from './usePlanning.ts';
import { changedLines, defaultComparison, type Quarters } from './versionDiff.ts';

function QuartersCell({ quarters, language }: { quarters: Quarters | null; language: Language }) {
  if (quarters === null) return <span className="muted">—</span>;
  return <span className="planning-quarters">{quarters.map((q) => formatNumber(q, language)).join(' / ')}</span>;
}

/**
 * Original against revised: the target lines whose value changed between two versions of the
 * plan (by default the approved version against the one it superseded, or the draft against the
 * approved one), with the year's target before and after.
 */
export function VersionComparison({ country, year, versions, language }: { country: string; year: number; versions: readonly PlanVersion[]; language: Language }) {
  const { t } = useTranslation();
  const titleId = useId();
  const fallback = defaultComparison(versions);
  const [chosen, setChosen] = useState<{ before: number; after: number } | null>(null);
  const pair = chosen !== null && versions.some((v) => v.number === chosen.before) && versions.some((v) => v.number === chosen.after) ? chosen : fallback;
  const before = useVersionTargets(country, year, pair?.before ?? null);
  const after = useVersionTargets(country, year, pair?.after ?? null);
  const indicators = useIndicators();
  const governorates = useGovernorates();
  const changes = useMemo(
    () => (before.data === undefined || after.data === undefined ? null : changedLines(before.data.targets, after.data.targets)),
    [before.data, after.data],
  );

  // In Arabic a middle dot would read as the digit zero (٠): the status goes in brackets.
  const label = (v: PlanVersion) => `${formatCount(v.number, language)} (${t(`planning.versions.state.${v.status}`)})`;
  const select = (which: 'before' | 'after', value: number) => pair !== null && setChosen({ ...pair, [which]: value });

  return (
    <section className="planning-section" aria-labelledby={titleId} data-testid="plan-compare">
      <h3 id={titleId}>{t('planning.compare.title')}</h3>
      {pair === null ? (
        <p className="muted">{t('planning.compare.needsTwo')}</p>
      ) : (
        <>
          <p className="muted">{t('planning.compare.hint')}</p>
          <div className="planning-choice">
            {(['before', 'after'] as const).map((which) => (
              <label key={which} className="inline-field">
                <span>{t(`planning.compare.${which}`)}</span>
                <select value={pair[which]} onChange={(e) => select(which, Number(e.target.value))} data-testid={`plan-compare-${which}`}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {label(v)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <LoadError error={before.error ?? after.error} />
          {changes !== null && changes.length === 0 && (
            <p className="muted" data-testid="plan-compare-none">
              {t('planning.compare.none')}
            </p>
          )}
          {changes !== null && changes.length > 0 && (
            <div className="planning-scroll">
              <table className="data-table" data-testid="plan-compare-lines" data-count={changes.length}>
                <caption>{t('planning.compare.count', { count: changes.length, formatted: formatCount(changes.length, language) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('planning.compare.governorate')}</th>
                    <th scope="col">{t('planning.compare.indicator')}</th>
                    <th scope="col">{t('planning.compare.sector')}</th>
                    <th scope="col">
                      {t('planning.compare.before')} <span className="muted">({t('planning.compare.quarters')})</span>
                    </th>
                    <th scope="col">
                      {t('planning.compare.after')} <span className="muted">({t('planning.compare.quarters')})</span>
                    </th>
                    <th scope="col">{t('planning.compare.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((line) => {
                    const delta = line.before !== null && line.after !== null ? line.after[3] - line.before[3] : null;
                    return (
                      <tr key={line.key} data-line={line.key}>
                        <th scope="row">{placeName(governorates.data, line.governorate, language)}</th>
                        <td>{indicatorName(indicators.data?.items, line.indicator, language)}</td>
                        <td>{line.sector === null ? '—' : t(`sector.${line.sector}`, { defaultValue: line.sector })}</td>
                        <td>
                          <QuartersCell quarters={line.before} language={language} />
                        </td>
                        <td>
                          <QuartersCell quarters={line.after} language={language} />
                        </td>
                        <td className="number">
                          {delta !== null ? (
                            <bdi dir="ltr">{`${delta > 0 ? '+' : ''}${formatNumber(delta, language)}`}</bdi>
                          ) : (
                            t(line.before === null ? 'planning.compare.added' : 'planning.compare.removed')
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
