/**
 * The canvas with its controllers (events, highlight, camera, drag, lasso) and overlays
 * (zoom, export, legend, focus, chosen entities, arrange, a bundle's chooser; each marked
 * `data-canvas-overlay`, so camera fits keep entities clear of them). Hover, the
 * multi-selection and the pins live here: they belong to this page's canvas, not to the URL
 * (what "show only these" keeps does).
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';

import { useLoadedGraph } from '../../bindings/loaded-graph';
import { fitAll } from '../../core/camera';
import type { CompareState, ComparisonHighlight } from '../../core/comparison';
import type { Visibility } from '../../core/filters';
import type { RenderGraph } from '../../core/graph-building';
import type { HighlightInput } from '../../core/highlight';
import {
  addToSelection,
  bundleOf,
  clearMultiSelection,
  toggleInSelection,
  type MultiSelection,
} from '../../core/manipulation';
import type { Selection } from '../../core/selection';
import { ArrangeControls } from './canvas/ArrangeControls';
import { BundleChooser } from './canvas/BundleChooser';
import { DragController } from './canvas/DragController';
import { EntityMarkers } from './canvas/EntityMarkers';
import { LassoController } from './canvas/LassoController';
import { SelectionPanel } from './canvas/SelectionPanel';
import type { CameraDirector } from './canvas/camera-director';
import { CameraController } from './canvas/CameraController';
import { ExportControls } from './canvas/ExportControls';
import { GraphCanvas } from './canvas/GraphCanvas';
import { GraphEventsController } from './canvas/GraphEventsController';
import { HighlightController } from './canvas/HighlightController';
import { Legend } from './canvas/Legend';
import { ZoomControls } from './canvas/ZoomControls';
import { ZoomLevelController } from './canvas/ZoomLevelController';
import './canvas/canvas.css';

interface GraphStageProps {
  graph: RenderGraph;
  visibility: Visibility;
  selection: Selection;
  /** Entities and relations of the shown paths, if any. */
  path: Visibility | null;
  /** Relations coloured by which of two compared sources supports them. */
  comparison: ComparisonHighlight | null;
  compare: CompareState | null;
  /** Where the explorer's camera intents go; the stage's own Fit button asks it too. */
  camera: CameraDirector;
  onClickEntity: (id: string) => void;
  onClickRelation: (id: string) => void;
  onClickStage: () => void;
  /** Overlays drawn above the canvas (focus banner). */
  overlay?: ReactNode;
  /** The entities "show only these" keeps, if any (the explorer state's `only`). */
  only: readonly string[] | null;
  onShowOnly: (ids: readonly string[] | null) => void;
}

export function GraphStage(props: GraphStageProps) {
  const { graph, visibility, selection, path, comparison, compare, camera, overlay } = props;
  const { onClickEntity, onClickRelation, onClickStage, only, onShowOnly } = props;
  const { data, colors } = useLoadedGraph();
  const [hoveredEntity, setHoveredEntity] = useState<string | null>(null);
  const [hoveredRelation, setHoveredRelation] = useState<string | null>(null);
  const [zoomedIn, setZoomedIn] = useState(false);
  const [chosen, setChosen] = useState<MultiSelection>([]);
  // Pinned entities, each with where the layout had placed it (unpinning puts it back there).
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

  const highlight = useMemo<HighlightInput>(
    () => ({ visibility, selection, hoveredEntity, hoveredRelation, path, zoomedIn, comparison }),
    [visibility, selection, hoveredEntity, hoveredRelation, path, zoomedIn, comparison],
  );

  const visibleCountByType = useMemo(() => {
    const counts = new Map<string, number>();
    for (const id of visibility.entities) {
      const type = data.entityById.get(id)?.type;
      if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return counts;
  }, [data, visibility]);

  const onFit = useCallback(() => {
    const all = visibility.entities.size === data.entities.length;
    camera.request(all ? fitAll() : { kind: 'fit-visible', ids: [...visibility.entities] });
  }, [camera, data, visibility]);

  const label = `Graph of ${visibility.entities.size} entities and ${visibility.relations.size} relations. The List tab gives the same content as lists.`;

  return (
    <div className="graph-stage">
      <GraphCanvas graph={graph} label={label}>
        <GraphEventsController
          onClickEntity={clickEntity}
          onClickRelation={clickRelation}
          onClickStage={clickStage}
          onHoverEntity={setHoveredEntity}
          onHoverRelation={setHoveredRelation}
        />
        <ZoomLevelController onZoomedIn={setZoomedIn} />
        <HighlightController input={highlight} />
        <CameraController director={camera} />
        <ZoomControls onFit={onFit} />
        <ExportControls data={data} visibility={visibility} />
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
      </GraphCanvas>
      <SelectionPanel
        chosen={chosen}
        only={only}
        onShowOnly={showOnly}
        onClear={() => setChosen(clearMultiSelection())}
        onShowAll={() => showOnly(null)}
      />
      {overlay}
      <Legend
        entityTypes={data.entityTypes}
        colors={colors}
        visibleCountByType={visibleCountByType}
        sourceCount={data.sources.length}
        comparison={
          comparison && compare?.a && compare.b
            ? {
                counts: comparison.counts,
                a: data.sourceById.get(compare.a) ?? null,
                b: data.sourceById.get(compare.b) ?? null,
              }
            : null
        }
      />
    </div>
  );
}
