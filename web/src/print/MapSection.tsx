import type { BriefData, ProjectStatus } from '@marsad/contracts';
import { PROJECT_STATUSES } from '../data/vocabulary.ts';
import { formatPercent } from '../format/numbers.ts';
import { STATUS_COLORS } from '../map/colorScales.ts';
import { useMemo } from 'react';
import { BriefMapSvg } from './BriefMapSvg.tsx';
import { localName } from './briefText.ts';
import { useReader } from './briefContext.ts';
import { buildMapModel, MAP_COLORS, type Shading } from './mapModel.ts';

/** The map and its legend, in the reader's language. */
export function MapSection({ brief }: { brief: BriefData }) {
  const { language, m } = useReader();
  const statuses = new Set<ProjectStatus>(brief.map.projects.map((p) => p.status));
  const model = useMemo(() => buildMapModel(brief.map), [brief.map]);
  const shading = brief.kind === 'country' ? model.shading : null;
  return (
    <section className="brief-section map-section">
      <h2>{m.sections.map}</h2>
      <figure className="map-figure">
        <BriefMapSvg model={model} labels={brief.kind === 'country'} />
        <figcaption className="map-legend">
          <ul>
            {PROJECT_STATUSES.filter((s) => statuses.has(s)).map((s) => (
              <li key={s}>
                <Swatch kind="point" color={STATUS_COLORS[s]} />
                {m.status[s]}
              </li>
            ))}
            {brief.map.projects.some((p) => p.delayed) && (
              <li>
                <Swatch kind="ring" color={MAP_COLORS.delayedRing} />
                {m.map.delayed}
              </li>
            )}
            {brief.map.projects.some((p) => p.critical_obstacle) && (
              <li>
                <Swatch kind="ring" color={MAP_COLORS.criticalRing} />
                {m.map.critical}
              </li>
            )}
            {brief.map.zones.length > 0 && (
              <li>
                <Swatch kind="zone" color={MAP_COLORS.zone} />
                {m.map.zone}
              </li>
            )}
            {brief.kind !== 'country' && (
              <li>
                <Swatch kind="area" color={MAP_COLORS.area} />
                {brief.governorate === null ? m.map.area : localName(brief.governorate, language)}
              </li>
            )}
            {brief.map.context.length > 0 && (
              <li>
                <Swatch kind="area" color={MAP_COLORS.context} />
                {m.map.context}
              </li>
            )}
          </ul>
          {shading !== null && <ShadingLegend shading={shading} />}
          {brief.map.projects.length === 0 && <p className="map-note">{m.map.noProjects}</p>}
        </figcaption>
      </figure>
    </section>
  );
}

function ShadingLegend({ shading }: { shading: Shading }) {
  const { language, m } = useReader();
  // Values are shares (0–1), as the contract says; formatPercent takes 0–100.
  const f = (v: number) => formatPercent(v * 100, language, 0);
  const { breaks, colors } = shading;
  const labels =
    breaks.length === 0
      ? ['']
      : [`< ${f(breaks[0] ?? 0)}`, ...breaks.slice(1).map((b, i) => `${f(breaks[i] ?? 0)} – ${f(b)}`), `≥ ${f(breaks[breaks.length - 1] ?? 0)}`];
  return (
    <div className="map-shading">
      <span className="map-shading-title">{m.map.shading}</span>
      <ul>
        {colors.map((color, i) => (
          <li key={color}>
            <Swatch kind="area" color={color} />
            <bdi>{labels[i]}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Swatch({ kind, color }: { kind: 'point' | 'ring' | 'zone' | 'area'; color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 20 20" aria-hidden="true">
      {kind === 'point' && <circle cx={10} cy={10} r={6} fill={color} stroke="#ffffff" strokeWidth={1.5} />}
      {kind === 'ring' && (
        <>
          <circle cx={10} cy={10} r={7.5} fill="none" stroke={color} strokeWidth={2.5} />
          <circle cx={10} cy={10} r={4} fill="#9a9a9a" />
        </>
      )}
      {kind === 'zone' && <rect x={2} y={4} width={16} height={12} fill={color} fillOpacity={0.15} stroke={color} strokeWidth={1.4} strokeDasharray="4 2" />}
      {kind === 'area' && <rect x={2} y={4} width={16} height={12} fill={color} stroke="#6b6963" strokeWidth={1} />}
    </svg>
  );
}
