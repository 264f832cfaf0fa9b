import type { FieldConflict } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import '../photos/photos.css';

/** A held report's photos (`GET /api/conflicts/{id}/photos/{photoId}`), small, each a link to the full image. */
export function ConflictPhotos({ conflict, language }: { conflict: FieldConflict; language: Language }) {
  const { t } = useTranslation();
  if (conflict.photos.length === 0) return null;
  return (
    <section className="conflict-part">
      <h4>{t('review.photos')}</h4>
      <ul className="photo-thumbnails" data-testid="conflict-photos">
        {conflict.photos.map((photo) => {
          const n = formatNumber(photo.position, language);
          return (
            <li key={photo.id}>
              <a href={photo.url} target="_blank" rel="noopener" aria-label={t('review.openPhoto', { n })}>
                <img src={photo.url} alt={t('review.photoAlt', { n })} width={photo.width} height={photo.height} loading="lazy" decoding="async" data-testid="conflict-photo" />
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
