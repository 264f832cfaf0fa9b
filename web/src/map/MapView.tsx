import 'maplibre-gl/dist/maplibre-gl.css';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';
import type { Camera } from '../url/viewState.ts';
import { HoverLabel } from '../components/HoverLabel.tsx';
import { ZoomButtons } from '../components/ZoomButtons.tsx';
import { useBoundarySources, type BoundaryData } from './useBoundarySources.ts';
import { useCameraReport } from './useCameraReport.ts';
import { useGovernorateHover } from './useGovernorateHover.ts';
import { useGovernorateSelection } from './useGovernorateSelection.ts';
import { useMapInstance } from './useMapInstance.ts';
import { useMapLanguage } from './useMapLanguage.ts';

export interface MapViewProps {
  language: Language;
  /** Where to look first; `null` fits the countries. Later changes are ignored. */
  initialCamera: Camera | null;
  data: BoundaryData;
  selectedGovernorate: string | null;
  onSelectGovernorate: (code: string | null) => void;
  onCameraChange: (camera: Camera) => void;
}

/**
 * The governorate map. For browser tests the container reports its state as data attributes:
 * `data-map-ready="true"` once every boundary layer is drawn, `data-governorates` (how many),
 * and `data-map-language` (the language the labels are drawn in).
 */
export function MapView({
  language,
  initialCamera,
  data,
  selectedGovernorate,
  onSelectGovernorate,
  onCameraChange,
}: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const map = useMapInstance(containerRef, { language, camera: initialCamera });
  const status = useBoundarySources(map, data, initialCamera === null);
  const drawnLanguage = useMapLanguage(map, language);
  const hovered = useGovernorateHover(map);
  useGovernorateSelection(map, selectedGovernorate, onSelectGovernorate);
  useCameraReport(map, onCameraChange);

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-canvas"
        role="region"
        aria-label={t('map.label')}
        aria-busy={!status.ready}
        data-testid="map"
        data-map-ready={status.ready ? 'true' : 'false'}
        data-governorates={status.governorateCount ?? undefined}
        data-map-language={drawnLanguage ?? undefined}
      />
      {hovered !== null && <HoverLabel hovered={hovered} governorates={data.governorates} language={language} />}
      {map !== null && <ZoomButtons map={map} />}
      {!status.ready && <p className="map-loading">{t('map.loading')}</p>}
    </div>
  );
}
