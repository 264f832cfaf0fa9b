import { formatNumber } from '../format/numbers.ts';
import { localName } from './briefText.ts';
import { useReader } from './briefContext.ts';
import { MAP_COLORS, type MapModel } from './mapModel.ts';

const POINT_RADIUS = 6;
const DELAYED_RING = 10.5;
const CRITICAL_RING = 14.5;

/**
 * The brief's map as one SVG (vector, sharp at any size, no WebGL): the context in grey, the
 * areas (shaded by value in a country brief, with their names), the zones outlined, the projects
 * coloured by status with a ring when delayed or blocked by a critical obstacle, a scale bar and a
 * north arrow. With nothing to draw it still draws the fitted frame.
 */
export function BriefMapSvg({ model, labels }: { model: MapModel; labels: boolean }) {
  const { language, m } = useReader();
  const { box } = model;
  const empty = model.areas.every((a) => a.d === '') && model.context.length === 0;
  return (
    <svg
      className="brief-map"
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={m.sections.map}
      xmlns="http://www.w3.org/2000/svg"
      data-areas={model.areas.length}
      data-projects={model.projects.length}
    >
      <rect x={0} y={0} width={box.width} height={box.height} fill="#ffffff" stroke={MAP_COLORS.frame} strokeWidth={1.5} />
      <g className="map-context" fill={MAP_COLORS.context} stroke={MAP_COLORS.contextLine} strokeWidth={0.8}>
        {model.context.map((c) => (
          <path key={c.code} d={c.d} fillRule="evenodd" />
        ))}
      </g>
      <g className="map-areas" stroke={MAP_COLORS.areaLine} strokeWidth={1.6} strokeLinejoin="round">
        {model.areas.map((a) => (
          <path key={a.code} d={a.d} fill={a.fill} fillRule="evenodd" data-code={a.code} />
        ))}
      </g>
      {empty && <path className="map-frame" d={model.frame} fill={MAP_COLORS.area} stroke={MAP_COLORS.areaLine} strokeWidth={1.6} strokeDasharray="6 4" />}
      <g className="map-zones" stroke={MAP_COLORS.zone} strokeWidth={1.4} fill={MAP_COLORS.zone} fillOpacity={0.15} strokeDasharray="5 3">
        {model.zones.map((z) =>
          z.d !== null ? (
            <path key={z.id} d={z.d} fillRule="evenodd" />
          ) : z.at !== null ? (
            <rect key={z.id} x={z.at[0] - 6} y={z.at[1] - 6} width={12} height={12} strokeDasharray="none" />
          ) : null,
        )}
      </g>
      {labels && (
        <g className="map-labels" fontSize={15} textAnchor="middle" fill="#2b2a28" stroke="#ffffff" strokeWidth={3.5} paintOrder="stroke" strokeLinejoin="round">
          {model.areas.map((a) =>
            a.label === null ? null : (
              <text key={a.code} x={a.label[0]} y={a.label[1]} direction={language === 'ar' ? 'rtl' : 'ltr'}>
                {localName(a, language)}
              </text>
            ),
          )}
        </g>
      )}
      <g className="map-projects">
        {model.projects.map((p) => (
          <g key={p.id} data-project={p.id}>
            {p.critical && <circle cx={p.x} cy={p.y} r={CRITICAL_RING} fill="none" stroke={MAP_COLORS.criticalRing} strokeWidth={2} />}
            {p.delayed && <circle cx={p.x} cy={p.y} r={DELAYED_RING} fill="none" stroke={MAP_COLORS.delayedRing} strokeWidth={3} />}
            <circle cx={p.x} cy={p.y} r={POINT_RADIUS} fill={p.color} stroke="#ffffff" strokeWidth={1.5} />
          </g>
        ))}
      </g>
      <NorthArrow x={box.width - 40} y={30} label={m.map.north} />
      {model.scaleBar !== null && <ScaleBarMark x={24} y={box.height - 22} length={model.scaleBar.length} label={`${formatNumber(model.scaleBar.km, language)} ${m.map.km}`} />}
    </svg>
  );
}

function NorthArrow({ x, y, label }: { x: number; y: number; label: string }) {
  return (
    <g className="map-north" transform={`translate(${x} ${y})`}>
      <path d="M0,0 L9,26 L0,20 L-9,26 Z" fill="#2b2a28" />
      <text y={44} fontSize={15} textAnchor="middle" fill="#2b2a28">
        {label}
      </text>
    </g>
  );
}

function ScaleBarMark({ x, y, length, label }: { x: number; y: number; length: number; label: string }) {
  return (
    <g className="map-scale" transform={`translate(${x} ${y})`}>
      <rect x={0} y={0} width={length / 2} height={6} fill="#2b2a28" />
      <rect x={length / 2} y={0} width={length / 2} height={6} fill="#ffffff" stroke="#2b2a28" strokeWidth={1} />
      <text x={length / 2} y={-7} fontSize={15} fill="#2b2a28" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}
