import type { FieldConflict } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { titleIn } from '../obstacleOverview/names.ts';

/**
 * Conflicts as a list: each row names the project, the kind of write, its field date and writer,
 * and opens the conflict. `compact` (the work queue's sidebar) leaves out the writer and the state.
 */
export function ConflictList({
  conflicts,
  language,
  onOpen,
  compact = false,
  testId,
}: {
  conflicts: readonly FieldConflict[];
  language: Language;
  onOpen: (id: number) => void;
  compact?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <ol className={`conflict-list${compact ? ' compact' : ''}`} data-testid={testId}>
      {conflicts.map((conflict) => (
        <li key={conflict.id}>
          <button type="button" className="conflict-list-item" onClick={() => onOpen(conflict.id)} data-testid="conflict-item" data-conflict-id={conflict.id} data-project-id={conflict.project.id} data-state={conflict.state}>
            <span className="conflict-list-title">
              <span className="conflict-kind">{t(`review.kind.${conflict.kind}`)}</span> · <bdi>{titleIn(language, conflict.project)}</bdi>
            </span>
            <span className="conflict-list-meta">
              <DualDate iso={conflict.field_date} language={language} />
              {!compact && conflict.author !== null && (
                <>
                  {' '}
                  · <bdi>{conflict.author}</bdi>
                </>
              )}
              {!compact && conflict.state !== 'pending' && <> · {t(`review.state.${conflict.state}`)}</>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
