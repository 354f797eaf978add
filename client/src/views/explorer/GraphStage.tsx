/**
 * The canvas with its controllers (events, highlight, camera; drag, lasso and pins in
 * canvas/use-canvas-manipulation) and overlays (zoom, export, legend, focus; each marked
 * `data-canvas-overlay`, so camera fits keep entities clear of them). Hover state lives
 * here: it only changes what sigma draws.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';

import { useLoadedGraph } from '../../bindings/loaded-graph';
import { fitAll } from '../../core/camera';
import type { CompareState, ComparisonHighlight } from '../../core/comparison';
import type { Visibility } from '../../core/filters';
import type { RenderGraph } from '../../core/graph-building';
import { highlightingFor, type HighlightInput } from '../../core/highlight';
import type { Selection } from '../../core/selection';
import type { CameraDirector } from './canvas/camera-director';
import { CameraController } from './canvas/CameraController';
import { ExportControls } from './canvas/ExportControls';
import { GraphCanvas } from './canvas/GraphCanvas';
import { GraphEventsController } from './canvas/GraphEventsController';
import { HighlightController } from './canvas/HighlightController';
import { Legend } from './canvas/Legend';
import { ZoomControls } from './canvas/ZoomControls';
import { ZoomLevelController } from './canvas/ZoomLevelController';
import { useCanvasManipulation } from './canvas/use-canvas-manipulation';
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
  /** A double-click on an entity; true when it was handled (no zoom). */
  onDoubleClickEntity?: (id: string) => boolean;
  /** Overlays drawn above the canvas (focus banner). */
  overlay?: ReactNode;
  /** The entities "show only these" keeps, if any (the explorer state's `only`). */
  only: readonly string[] | null;
  onShowOnly: (ids: readonly string[] | null) => void;
  /** Called once sigma has drawn the graph (GraphCanvas). */
  onFirstFrame?: () => void;
}

export function GraphStage(props: GraphStageProps) {
  const { graph, visibility, selection, path, comparison, compare, camera, overlay } = props;
  const { onDoubleClickEntity, onFirstFrame } = props;
  const { data, colors } = useLoadedGraph();
  const [hoveredEntity, setHoveredEntity] = useState<string | null>(null);
  const [hoveredRelation, setHoveredRelation] = useState<string | null>(null);
  const [zoomedIn, setZoomedIn] = useState(false);
  const manipulation = useCanvasManipulation(props);

  const highlight = useMemo<HighlightInput>(
    () => ({ visibility, selection, hoveredEntity, hoveredRelation, path, zoomedIn, comparison }),
    [visibility, selection, hoveredEntity, hoveredRelation, path, zoomedIn, comparison],
  );
  // Made once per change, so a new sigma and the highlight controller get the same reducers.
  const highlighting = useMemo(() => highlightingFor(graph, highlight), [graph, highlight]);

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
      <GraphCanvas
        graph={graph}
        label={label}
        startingSettings={() => highlighting.settings}
        onFirstFrame={onFirstFrame}
      >
        <GraphEventsController
          onClickEntity={manipulation.onClickEntity}
          onClickRelation={manipulation.onClickRelation}
          onClickStage={manipulation.onClickStage}
          onDoubleClickEntity={onDoubleClickEntity}
          onHoverEntity={setHoveredEntity}
          onHoverRelation={setHoveredRelation}
        />
        <ZoomLevelController onZoomedIn={setZoomedIn} />
        <HighlightController input={highlight} highlighting={highlighting} />
        <CameraController director={camera} />
        <ZoomControls onFit={onFit} />
        <ExportControls data={data} visibility={visibility} />
        {manipulation.inCanvas}
      </GraphCanvas>
      {manipulation.besideCanvas}
      {overlay}
      <Legend
        entityTypes={data.entityTypes}
        colors={colors}
        visibleCountByType={visibleCountByType}
        sourceCount={data.stats.sourceCount}
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
