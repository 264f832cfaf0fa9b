import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './panel.css';

/**
 * A side panel (a bottom sheet on narrow screens) with a kicker, a title and a close button. It
 * takes focus when it opens, so keyboard users land in it; Escape is handled by the page.
 */
export function PanelFrame({
  kind,
  kicker,
  title,
  titleTestId,
  onClose,
  children,
}: {
  kind: 'governorate' | 'zone' | 'zones' | 'project' | 'editor' | 'plans' | 'obstacles' | 'changes';
  kicker: string;
  title: ReactNode;
  titleTestId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = `${kind}-panel-title`;

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <aside className={`side-panel side-panel-${kind}`} aria-labelledby={titleId} data-testid={`${kind}-panel`}>
      <div className="side-panel-header">
        <p className="side-panel-kicker">{kicker}</p>
        <button type="button" className="close-button" onClick={onClose} aria-label={t('panel.close')} data-testid={`${kind}-close`}>
          ×
        </button>
      </div>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="side-panel-title" data-testid={titleTestId}>
        {title}
      </h2>
      {children}
    </aside>
  );
}
