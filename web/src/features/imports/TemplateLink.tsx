import { useTranslation } from 'react-i18next';
import type { GovernorateLabelCollection } from '../../api/boundaries.ts';
import { useGovernorateLabels } from '../../api/useBoundaries.ts';
import { useSession } from '../account/useSession.ts';
import { csvTemplate, TEMPLATE_FILE_NAME, type ExamplePlace } from './csvTemplate.ts';

/** The label point of the user's first governorate: a place the example row may stand. */
function examplePlace(governorates: readonly string[], labels: GovernorateLabelCollection | undefined): ExamplePlace | null {
  const code = governorates[0];
  const feature = labels?.features.find((f) => f.properties.code === code);
  if (code === undefined || feature === undefined) return null;
  const point = feature.geometry.type === 'Point' ? feature.geometry.coordinates : feature.geometry.coordinates[0];
  if (point === undefined || point.length < 2) return null;
  return { governorate: code, lon: point[0]!, lat: point[1]! };
}

/** Offers the text as a download through a Blob URL: it is made in the page, nothing is fetched. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the URL by now; give slow machines some room before freeing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "Download a CSV template": every column the import reads and one example row. */
export function TemplateLink() {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useGovernorateLabels();
  const onClick = () => {
    const place = examplePlace(session.data?.user.governorates ?? [], labels.data);
    download(csvTemplate(place, new Date().getFullYear()), TEMPLATE_FILE_NAME);
  };
  return (
    <p className="import-template">
      <button type="button" className="link-button" onClick={onClick} data-testid="import-template">
        {t('imports.template')}
      </button>{' '}
      <span className="muted">{t('imports.templateHint')}</span>
    </p>
  );
}
