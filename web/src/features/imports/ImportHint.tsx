import { useTranslation } from 'react-i18next';
import { PROJECT_KINDS, SECTORS } from '../../data/vocabulary.ts';
import { formatCount } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import { LOCATION_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, WKT_COLUMN } from './csvTemplate.ts';
import { MAX_IMPORT_BYTES } from './importApi.ts';
import { TemplateLink } from './TemplateLink.tsx';

const FORMATS = [
  { key: 'geojson', name: 'GeoJSON', extensions: ['.geojson', '.json'] },
  { key: 'csv', name: 'CSV', extensions: ['.csv'] },
  { key: 'kml', name: 'KML', extensions: ['.kml'] },
  { key: 'shapefile', name: 'Shapefile', extensions: ['.zip'] },
] as const;

/** The columns with a fixed vocabulary; their names in both languages live in the i18n resources under the same keys. */
const VOCABULARIES: { column: string; values: readonly string[] }[] = [
  { column: 'kind', values: PROJECT_KINDS },
  { column: 'sector', values: SECTORS },
];

/** Column names and values are written as the file must hold them: left to right, untranslated. */
function Names({ names }: { names: readonly string[] }) {
  return (
    <span className="import-names">
      {names.map((name) => (
        <code key={name} dir="ltr">
          {name}
        </code>
      ))}
    </span>
  );
}

/** What the import reads: the formats, the columns, their values, and a template to start from. */
export function ImportHint() {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  return (
    <aside className="import-hint" data-testid="import-hint">
      <h3>{t('imports.formats.heading')}</h3>
      <ul className="import-formats">
        {FORMATS.map(({ key, name, extensions }) => (
          <li key={key}>
            <strong className="import-format-name">{name}</strong> <Names names={extensions} /> — {t(`imports.formats.${key}`)}
          </li>
        ))}
      </ul>
      <p className="muted">{t('imports.formats.maxSize', { size: formatCount(MAX_IMPORT_BYTES / 1024 / 1024, language) })}</p>
      <h3>{t('imports.columns.heading')}</h3>
      <dl className="import-columns">
        <dt>{t('imports.columns.required')}</dt>
        <dd>
          <Names names={REQUIRED_COLUMNS} />
        </dd>
        <dt>{t('imports.columns.location')}</dt>
        <dd>
          <Names names={LOCATION_COLUMNS} /> {t('imports.columns.or')} <Names names={[WKT_COLUMN]} />
        </dd>
        <dt>{t('imports.columns.optional')}</dt>
        <dd>
          <Names names={OPTIONAL_COLUMNS} />
        </dd>
      </dl>
      <details className="import-values">
        <summary>{t('imports.columns.values')}</summary>
        <div className="import-values-lists">
          {VOCABULARIES.map(({ column, values }) => (
            <div key={column}>
              <h4>
                <code dir="ltr">{column}</code>
              </h4>
              <dl>
                {values.map((value) => (
                  <div key={value}>
                    <dt>
                      <code dir="ltr">{value}</code>
                    </dt>
                    <dd>{t(`${column}.${value}`)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </details>
      <p className="muted">{t('imports.columns.rowNumbers')}</p>
      <TemplateLink />
    </aside>
  );
}
