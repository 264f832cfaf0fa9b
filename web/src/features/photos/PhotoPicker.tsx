import { useEffect, useId, useRef, useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '@marsad/contracts';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { downscalePhoto } from './downscalePhoto.ts';
import './photos.css';

/** A photo chosen for a report, already downscaled, with a URL for its thumbnail. */
export interface PickedPhoto {
  key: string;
  blob: Blob;
  previewUrl: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp';

type Notice = { kind: 'tooMany' } | { kind: 'unreadable'; name: string } | { kind: 'tooLarge'; name: string } | null;

const MB = 1024 * 1024;

/**
 * A file input shown as a button (its label): the camera (`capture`) or the gallery (`multiple`).
 * The input is hidden but focusable; the label comes right after it, because photos.css draws the
 * button's disabled and focused states from the input's (`.photo-picker-input:disabled + …`).
 */
function PickButton({
  id,
  label,
  source,
  disabled,
  hintId,
  onPick,
  testId,
}: {
  id: string;
  label: string;
  source: { capture: 'environment' } | { multiple: true };
  disabled: boolean;
  hintId: string;
  onPick: (event: ChangeEvent<HTMLInputElement>) => Promise<void>;
  testId: string;
}) {
  return (
    <>
      <input
        id={id}
        className="photo-picker-input"
        type="file"
        accept={ACCEPT}
        {...source}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => void onPick(e)}
        data-testid={testId}
      />
      <label htmlFor={id} className="secondary-button" aria-disabled={disabled}>
        {label}
      </label>
    </>
  );
}

/**
 * The optional photos of a progress report: one button opens the camera (tablets on site), the
 * other the gallery; at most MAX_PHOTOS (the API's limits). Each photo is downscaled as soon as it
 * is chosen, so the thumbnails show what will be sent; one still over the API's size limit is left out.
 */
export function PhotoPicker({
  photos,
  setPhotos,
  language,
  disabled,
  onPreparing,
}: {
  photos: readonly PickedPhoto[];
  setPhotos: Dispatch<SetStateAction<PickedPhoto[]>>;
  language: Language;
  disabled: boolean;
  /** Told while chosen photos are being downscaled, so the report is not sent without them. */
  onPreparing: (preparing: boolean) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [preparing, setPreparing] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const counter = useRef(0);
  /** Every thumbnail URL made here, to hand back to the browser when no longer shown. */
  const urls = useRef(new Set<string>());
  const room = MAX_PHOTOS - photos.length;
  const max = formatNumber(MAX_PHOTOS, language);

  useEffect(() => {
    const shown = new Set(photos.map((p) => p.previewUrl));
    for (const url of urls.current) {
      if (!shown.has(url)) {
        URL.revokeObjectURL(url);
        urls.current.delete(url);
      }
    }
  }, [photos]);
  useEffect(() => {
    const made = urls.current;
    return () => {
      for (const url of made) URL.revokeObjectURL(url);
      made.clear();
    };
  }, []);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ''; // the same photo may be chosen again after removing it
    if (files.length === 0) return;
    setNotice(files.length > room ? { kind: 'tooMany' } : null);
    setPreparing(true);
    onPreparing(true);
    const picked: PickedPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        const blob = await downscalePhoto(file);
        if (blob.size > MAX_PHOTO_BYTES) {
          setNotice({ kind: 'tooLarge', name: file.name });
          continue;
        }
        const previewUrl = URL.createObjectURL(blob);
        urls.current.add(previewUrl);
        counter.current += 1;
        picked.push({ key: `photo-${counter.current}`, blob, previewUrl });
      } catch {
        setNotice({ kind: 'unreadable', name: file.name });
      }
    }
    setPreparing(false);
    onPreparing(false);
    setPhotos((current) => [...current, ...picked].slice(0, MAX_PHOTOS));
  };

  const remove = (key: string) => {
    setNotice(null);
    setPhotos((current) => current.filter((p) => p.key !== key));
  };

  const full = room <= 0 || disabled || preparing;
  const pick = { disabled: full, hintId: `${base}-hint`, onPick };
  return (
    <fieldset className="form-field photo-picker" data-testid="photo-picker" data-count={photos.length} data-preparing={preparing}>
      <legend>{t('photos.label')}</legend>
      <p className="muted" id={`${base}-hint`}>
        {t('photos.hint', { max })}
      </p>
      <div className="photo-picker-buttons">
        <PickButton id={`${base}-camera`} label={t('photos.take')} source={{ capture: 'environment' }} testId="photo-camera" {...pick} />
        <PickButton id={`${base}-gallery`} label={t('photos.choose')} source={{ multiple: true }} testId="photo-input" {...pick} />
      </div>
      <div aria-live="polite">
        {preparing && <p className="muted">{t('photos.preparing')}</p>}
        {notice !== null && (
          <p className="field-error" data-testid="photo-notice">
            {notice.kind === 'tooMany'
              ? t('photos.tooMany', { max })
              : notice.kind === 'tooLarge'
                ? t('photos.tooLarge', { name: notice.name, mb: formatNumber(MAX_PHOTO_BYTES / MB, language) })
                : t('photos.unreadable', { name: notice.name })}
          </p>
        )}
      </div>
      {photos.length > 0 && (
        <ul className="photo-thumbnails" data-testid="photo-thumbnails">
          {photos.map((photo, i) => {
            const n = formatNumber(i + 1, language);
            return (
              <li key={photo.key}>
                <img src={photo.previewUrl} alt={t('photos.selected', { n })} />
                <button
                  type="button"
                  className="photo-remove"
                  onClick={() => remove(photo.key)}
                  disabled={disabled}
                  aria-label={t('photos.remove', { n })}
                  data-testid="photo-remove"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
