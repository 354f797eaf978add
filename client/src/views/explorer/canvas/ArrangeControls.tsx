/**
 * The keyboard's way to arrange the selected entity: pin or unpin it (unpinning puts it back
 * where the layout placed it), add it to or take it out of the multi-selection, and move it a
 * step in each direction (a moved entity is pinned, as a dragged one is).
 */
import { useSigma } from './sigma-context';

/** One step of the move buttons, in CSS pixels on screen. */
const STEP = 24;

interface ArrangeControlsProps {
  entityId: string;
  name: string;
  pinned: boolean;
  chosen: boolean;
  onPin: (id: string, from: { x: number; y: number }) => void;
  onUnpin: (id: string) => void;
  onToggleChosen: (id: string) => void;
}

const MOVES = [
  { label: 'left', glyph: '←', dx: -STEP, dy: 0 },
  { label: 'up', glyph: '↑', dx: 0, dy: -STEP },
  { label: 'down', glyph: '↓', dx: 0, dy: STEP },
  { label: 'right', glyph: '→', dx: STEP, dy: 0 },
] as const;

export function ArrangeControls(props: ArrangeControlsProps) {
  const { entityId, name, pinned, chosen, onPin, onUnpin, onToggleChosen } = props;
  const sigma = useSigma();
  const graph = sigma.getGraph();
  if (!graph.hasNode(entityId)) return null;
  const position = () => ({ x: graph.getNodeAttribute(entityId, 'x'), y: graph.getNodeAttribute(entityId, 'y') });

  const move = (dx: number, dy: number) => {
    const from = position();
    if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    const onScreen = sigma.graphToViewport(from);
    const to = sigma.viewportToGraph({ x: onScreen.x + dx, y: onScreen.y + dy });
    graph.mergeNodeAttributes(entityId, { x: to.x, y: to.y });
    onPin(entityId, from);
  };

  return (
    <div
      className="canvas-toolbar canvas-toolbar--arrange"
      role="group"
      aria-label={`Arrange ${name}`}
      data-canvas-overlay
    >
      <button
        type="button"
        className="text-button"
        aria-pressed={pinned}
        title={pinned ? 'Unpin: back to where the layout placed it' : 'Pin it where it is'}
        onClick={() => (pinned ? onUnpin(entityId) : onPin(entityId, position()))}
      >
        {pinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        className="text-button"
        aria-pressed={chosen}
        title={chosen ? 'Take it out of the chosen entities' : 'Add it to the chosen entities (as shift-click does)'}
        onClick={() => onToggleChosen(entityId)}
      >
        {chosen ? 'Unchoose' : 'Choose'}
      </button>
      {MOVES.map((step) => (
        <button
          key={step.label}
          type="button"
          className="icon-button"
          aria-label={`Move ${step.label}`}
          title={`Move ${step.label}`}
          onClick={() => move(step.dx, step.dy)}
        >
          <span aria-hidden="true">{step.glyph}</span>
        </button>
      ))}
    </div>
  );
}
