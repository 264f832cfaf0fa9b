import { useRef, type KeyboardEvent } from 'react';
import type { Direction } from '../../i18n/language.ts';
import { tabAfterKey } from './tabKeys.ts';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** The ids of the tab and of the panel it controls. */
  tabId: string;
  panelId: string;
}

interface Props<T extends string> {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (tab: T) => void;
  direction: Direction;
}

/**
 * A tablist (WAI-ARIA tabs, automatic activation): Tab reaches the selected tab only, the arrows
 * (mirrored right to left), Home and End move between tabs and show them.
 */
export function AdminTabs<T extends string>({ label, tabs, selected, onSelect, direction }: Props<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = tabAfterKey(event.key, index, tabs.length, direction);
    if (next === null) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="admin-tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tab.tabId}
          aria-controls={tab.panelId}
          aria-selected={tab.id === selected}
          tabIndex={tab.id === selected ? 0 : -1}
          className="admin-tab-button"
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => onKeyDown(e, index)}
          data-testid={`admin-tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
