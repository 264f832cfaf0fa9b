import type { FieldConflict } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { photoMessages } from '../photos/messages.ts';
import { PhotoThumbnails } from '../photos/PhotoThumbnails.tsx';

/** A held report's photos (`GET /api/conflicts/{id}/photos/{photoId}`), small, each a link to the full image. */
export function ConflictPhotos({ conflict, language }: { conflict: FieldConflict; language: Language }) {
  useMessages('photos', photoMessages);
  const { t } = useTranslation();
  if (conflict.photos.length === 0) return null;
  return (
    <section className="conflict-part">
      <h4>{t('review.photos')}</h4>
      <PhotoThumbnails photos={conflict.photos} language={language} altOf={(n) => t('review.photoAlt', { n })} photoTestId="conflict-photo" data-testid="conflict-photos" />
    </section>
  );
}
