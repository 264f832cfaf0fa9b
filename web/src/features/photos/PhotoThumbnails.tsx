import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import './photos.css';

/** What a thumbnail needs of a stored photo (a report's, a zone report's, a held conflict's). */
export interface Thumbnail {
  id: number;
  position: number;
  width: number;
  height: number;
  url: string;
}

/**
 * Stored photos as small thumbnails, each a link to the full image ("Open photo n at full size").
 * The images load only when scrolled into view. `altOf` says what each shows (given its number in
 * the reader's digits); the rest of the props go to the list (`data-testid`, `aria-label`, …).
 */
export function PhotoThumbnails({
  photos,
  language,
  altOf,
  photoTestId,
  ...list
}: { photos: readonly Thumbnail[]; language: Language; altOf: (n: string) => string; photoTestId: string } & Omit<ComponentProps<'ul'>, 'children' | 'className'>) {
  const { t } = useTranslation();
  return (
    <ul className="photo-thumbnails" {...list}>
      {photos.map((photo) => {
        const n = formatNumber(photo.position, language);
        return (
          <li key={photo.id}>
            <a href={photo.url} target="_blank" rel="noopener" aria-label={t('photos.open', { n })}>
              <img src={photo.url} alt={altOf(n)} width={photo.width} height={photo.height} loading="lazy" decoding="async" data-testid={photoTestId} />
            </a>
          </li>
        );
      })}
    </ul>
  );
}
