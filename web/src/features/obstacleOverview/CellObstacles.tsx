import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { ObstacleCell } from '../../url/ministerViewState.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { ObstacleItem } from './ObstacleItem.tsx';
import { useCellObstacles } from './obstacleOverviewApi.ts';

/** The active obstacles of one cell of the table (a governorate at a level); each opens its project. */
export function CellObstacles({
  cell,
  language,
  nameOf,
  onOpenProject,
  onClose,
}: {
  cell: ObstacleCell;
  language: Language;
  nameOf: (governorate: string) => string;
  onOpenProject: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = useCellObstacles(cell.governorate, cell.level);
  const now = new Date();
  const level = t(`obstacles.levels.${cell.level}`);
  return (
    <PanelFrame
      kind="obstacles"
      kicker={t('obstacleOverview.table.heading')}
      title={t('obstacleOverview.list.title', { governorate: nameOf(cell.governorate), level })}
      titleTestId="obstacle-cell-title"
      onClose={onClose}
    >
      <LoadError error={list.error} />
      {list.isPending && <p className="muted">{t('obstacleOverview.list.loading')}</p>}
      {list.data !== undefined && list.data.items.length === 0 && <p className="muted">{t('obstacleOverview.list.empty')}</p>}
      {list.data !== undefined && list.data.total > list.data.items.length && (
        <p className="muted">{t('obstacleOverview.list.more', { shown: formatCount(list.data.items.length, language), total: formatCount(list.data.total, language) })}</p>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <ul className="obstacle-list" data-testid="obstacle-cell-list">
          {list.data.items.map((obstacle) => (
            <ObstacleItem key={obstacle.id} obstacle={obstacle} language={language} now={now} testId="obstacle-cell-item" onOpenProject={onOpenProject} />
          ))}
        </ul>
      )}
    </PanelFrame>
  );
}
