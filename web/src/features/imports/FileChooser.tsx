import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import { ACCEPTED_EXTENSIONS } from './importApi.ts';

/**
 * A file input inside a drop zone: click (or Enter on the focused input) to choose, or drop a
 * file. Choosing the same file again is noticed too, so a corrected file can be re-read.
 */
export function FileChooser({ file, disabled, onChoose }: { file: File | null; disabled: boolean; onChoose: (file: File) => void }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // Moving over the zone's own children is not leaving it.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!disabled && dropped !== undefined) onChoose(dropped);
  };

  return (
    <div className="import-drop" data-dragging={dragging} data-disabled={disabled} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        disabled={disabled}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (chosen !== undefined) onChoose(chosen);
        }}
        data-testid="import-file"
      />
      <label htmlFor={inputId}>
        <span className="visually-hidden">{t('imports.file.label')}: </span>
        <span>{file === null ? t('imports.file.drop') : t('imports.file.change')}</span>
        {file !== null && (
          <span className="import-file" data-testid="import-file-name">
            <bdi dir="ltr">{file.name}</bdi>
            <span className="muted">{t('imports.file.size', { size: formatNumber(Math.max(0.01, file.size / 1024), language) })}</span>
          </span>
        )}
      </label>
    </div>
  );
}
