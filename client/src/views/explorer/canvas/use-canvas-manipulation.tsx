/**
 * Direct manipulation of the canvas, wired for the stage: the multi-selection (shift-click,
 * lasso), the pins (a dragged or keyboard-moved entity, with where the layout had placed it,
 * for unpinning), and the chooser of a bundle of parallel relations. It wraps the stage's
 * click handlers (a shift-click chooses, a click on a bundle asks which relation, the click
 * sigma sends after a drag or a lasso is not the user's) and gives the controllers and
 * overlays to draw inside the canvas and beside it. This state belongs to the page's canvas,
 * not to the URL; what "show only these" keeps does (`only`).
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';

import { useLoadedGraph } from '../../../bindings/loaded-graph';
import { fitAll } from '../../../core/camera';
import type { Visibility } from '../../../core/filters';
import type { RenderGraph } from '../../../core/graph-building';
import {
  addToSelection,
  bundleOf,
  clearMultiSelection,
  toggleInSelection,
  type MultiSelection,
} from '../../../core/manipulation';
import type { Selection } from '../../../core/selection';
import { ArrangeControls } from './ArrangeControls';
import { BundleChooser } from './BundleChooser';
import type { CameraDirector } from './camera-director';
import { DragController } from './DragController';
import { EntityMarkers } from './EntityMarkers';
import { LassoController } from './LassoController';
import { SelectionPanel } from './SelectionPanel';

interface ManipulationInput {
  graph: RenderGraph;
  visibility: Visibility;
  selection: Selection;
  camera: CameraDirector;
  only: readonly string[] | null;
  onShowOnly: (ids: readonly string[] | null) => void;
  onClickEntity: (id: string) => void;
  onClickRelation: (id: string) => void;
  onClickStage: () => void;
}

export interface CanvasManipulation {
  onClickEntity: (id: string, modifiers: { shiftKey: boolean }) => void;
  onClickRelation: (id: string, at: { x: number; y: number }) => void;
  onClickStage: () => void;
  /** Controllers and overlays that need sigma: children of the canvas. */
  inCanvas: ReactNode;
  /** The chosen entities' panel, beside the canvas. */
  besideCanvas: ReactNode;
}

export function useCanvasManipulation(input: ManipulationInput): CanvasManipulation {
  const { graph, visibility, selection, camera, only, onShowOnly } = input;
  const { onClickEntity, onClickRelation, onClickStage } = input;
  const { data } = useLoadedGraph();
  const [chosen, setChosen] = useState<MultiSelection>([]);
  const [pins, setPins] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());
  const pinned = useMemo(() => new Set(pins.keys()), [pins]);
  const [chooser, setChooser] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);

  // Sigma sends a click after a drag or a lasso ends; that click is not the user's.
  const manipulated = useRef(false);
  const endManipulation = useCallback(() => {
    manipulated.current = true;
    setTimeout(() => {
      manipulated.current = false;
    }, 0);
  }, []);
  const pin = useCallback(
    (id: string, from: { x: number; y: number }) =>
      setPins((current) => (current.has(id) ? current : new Map(current).set(id, from))),
    [],
  );
  const unpin = useCallback(
    (id: string) => {
      const from = pins.get(id);
      if (from && graph.hasNode(id)) graph.mergeNodeAttributes(id, from);
      setPins((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
    },
    [graph, pins],
  );
  const toggleChosen = useCallback((id: string) => setChosen(toggleInSelection(id)), []);
  const lasso = useCallback(
    (ids: string[]) => {
      endManipulation();
      setChosen(addToSelection(ids));
    },
    [endManipulation],
  );
  const showOnly = useCallback(
    (ids: readonly string[] | null) => {
      onShowOnly(ids);
      if (ids) {
        setChosen(clearMultiSelection());
        camera.request({ kind: 'fit-visible', ids: [...ids] });
      } else {
        camera.request(fitAll());
      }
    },
    [onShowOnly, camera],
  );

  const clickEntity = useCallback(
    (id: string, { shiftKey }: { shiftKey: boolean }) => {
      if (manipulated.current) return;
      if (shiftKey) setChosen(toggleInSelection(id));
      else onClickEntity(id);
    },
    [onClickEntity],
  );
  const clickRelation = useCallback(
    (id: string, at: { x: number; y: number }) => {
      if (manipulated.current) return;
      const bundle = bundleOf(graph, id, visibility);
      if (bundle.length > 1) setChooser({ ids: bundle, at });
      else onClickRelation(id);
    },
    [graph, visibility, onClickRelation],
  );
  const clickStage = useCallback(() => {
    if (manipulated.current) return;
    setChooser(null);
    onClickStage();
  }, [onClickStage]);

  const inCanvas = (
    <>
      <DragController onDrop={pin} onDragEnd={endManipulation} />
      <LassoController onLasso={lasso} />
      <EntityMarkers chosen={chosen} pinned={pinned} />
      {selection?.kind === 'entity' && (
        <ArrangeControls
          entityId={selection.id}
          name={data.entityById.get(selection.id)?.name ?? selection.id}
          pinned={pinned.has(selection.id)}
          chosen={chosen.includes(selection.id)}
          onPin={pin}
          onUnpin={unpin}
          onToggleChosen={toggleChosen}
        />
      )}
      {chooser && (
        <BundleChooser
          relationIds={chooser.ids}
          at={chooser.at}
          onChoose={(id) => {
            setChooser(null);
            onClickRelation(id);
          }}
          onClose={() => setChooser(null)}
        />
      )}
    </>
  );
  const besideCanvas = (
    <SelectionPanel
      chosen={chosen}
      only={only}
      onShowOnly={showOnly}
      onClear={() => setChosen(clearMultiSelection())}
      onShowAll={() => showOnly(null)}
    />
  );
  return {
    onClickEntity: clickEntity,
    onClickRelation: clickRelation,
    onClickStage: clickStage,
    inCanvas,
    besideCanvas,
  };
}
