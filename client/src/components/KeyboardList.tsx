/**
 * A single-select listbox for long lists: one tab stop, arrows / Home / End move, Enter or
 * Space chooses. The highlighted option follows the app's selection when it changes
 * elsewhere (canvas, search), so the list stays in sync with the graph.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './keyboard-list.css';

interface KeyboardListProps<T> {
  label: string;
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  selectedKey: string | null;
  onChoose: (item: T) => void;
  emptyText: string;
}

export function KeyboardList<T>({
  label,
  items,
  getKey,
  renderItem,
  selectedKey,
  onChoose,
  emptyText,
}: KeyboardListProps<T>) {
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // The active option, remembered with the selection it was chosen under: when the
  // selection changes elsewhere, the selected option becomes active again.
  const [cursor, setCursor] = useState<{ key: string; under: string | null } | null>(null);
  const keys = items.map(getKey);
  const activeKey =
    cursor && cursor.under === selectedKey && keys.includes(cursor.key)
      ? cursor.key
      : selectedKey !== null && keys.includes(selectedKey)
        ? selectedKey
        : (keys[0] ?? null);
  const activeIndex = activeKey === null ? -1 : keys.indexOf(activeKey);
  const optionId = (index: number) => `${id}-option-${index}`;

  const activeOptionId = activeIndex >= 0 ? optionId(activeIndex) : null;
  useEffect(() => {
    if (activeOptionId === null) return;
    listRef.current?.querySelector(`#${CSS.escape(activeOptionId)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeOptionId]);

  const moveTo = (index: number) => {
    const key = keys[Math.max(0, Math.min(keys.length - 1, index))];
    if (key !== undefined) setCursor({ key, under: selectedKey });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: keys.length - 1,
      PageDown: activeIndex + 10,
      PageUp: activeIndex - 10,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && activeIndex >= 0) {
      event.preventDefault();
      const item = items[activeIndex];
      if (item !== undefined) onChoose(item);
    }
  };

  if (items.length === 0) return <p className="empty-note">{emptyText}</p>;

  return (
    <ul
      ref={listRef}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeOptionId ?? undefined}
      className="keyboard-list"
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => {
        const key = keys[index]!;
        return (
          <li
            key={key}
            id={optionId(index)}
            role="option"
            aria-selected={key === selectedKey}
            className={`keyboard-list__option${index === activeIndex ? ' keyboard-list__option--active' : ''}`}
            onClick={() => {
              setCursor({ key, under: selectedKey });
              onChoose(item);
            }}
          >
            {renderItem(item)}
          </li>
        );
      })}
    </ul>
  );
}
