import type { Map as MaplibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';

/** Zoom in/out, in our own markup so that they are translated and follow the page direction. */
export function ZoomButtons({ map }: { map: MaplibreMap }) {
  const { t } = useTranslation();
  return (
    <div className="zoom-buttons">
      <button type="button" onClick={() => map.zoomIn()} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
        +
      </button>
      <button type="button" onClick={() => map.zoomOut()} aria-label={t('map.zoomOut')} title={t('map.zoomOut')}>
        −
      </button>
    </div>
  );
}
