/**
 * Skip links: the first stops of the keyboard on a page, each moving focus straight to one
 * part of it (the details, the relations of the selected entity, the tools), so a keyboard
 * user does not tab through every control on the way. Hidden until focused. They move focus
 * themselves rather than follow "#id" links: the URL belongs to the view state.
 */
import type { MouseEvent } from 'react';
import './skip-links.css';

export interface SkipTarget {
  label: string;
  /** The id of the element that takes focus (given tabIndex -1 when it has none). */
  targetId: string;
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
  event.preventDefault();
  const target = document.getElementById(targetId);
  if (!target) return;
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}

export function SkipLinks({ targets, label = 'Skip links' }: { targets: readonly SkipTarget[]; label?: string }) {
  return (
    <div className="skip-links" role="group" aria-label={label}>
      {targets.map(({ label: text, targetId }) => (
        <a
          key={targetId}
          className="skip-links__link"
          href={`#${targetId}`}
          onClick={(event) => focusTarget(event, targetId)}
        >
          {text}
        </a>
      ))}
    </div>
  );
}
