/**
 * The WebGL canvas: creates one sigma instance per render graph, with settings memoised
 * once, and provides it to the controllers and overlays given as children. Sets
 * `data-graph-ready="true"` on the container after sigma's first render (tests wait on it),
 * `data-render-count` after every render and `data-camera` (x, y, ratio) after every camera
 * move; camera moves keep `data-camera-settled` (camera-moves.ts), HighlightController keeps
 * `data-hover` and `data-emphasis`, and `window.explorerCanvas` tells tests where sigma drew
 * each entity (canvas-probe.ts).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Sigma from 'sigma';

import type { RenderGraph } from '../../../core/graph-building';
import { exposeCanvasProbe } from './canvas-probe';
import { SigmaContext, type ExplorerSigma } from './sigma-context';
import { createSigmaSettings, type ExplorerSigmaSettings } from './sigma-settings';

/**
 * Observable by benchmarks (npm run bench:browser): when the page had rendered and sigma began,
 * and when sigma was made, for the first canvas of the page only.
 */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

interface GraphCanvasProps {
  graph: RenderGraph;
  /** Accessible description of the picture; the list view is its accessible mirror. */
  label: string;
  /**
   * Settings a new sigma starts with beyond the shared ones (the highlight's reducers): sigma
   * renders in its constructor, before any controller runs, and that render should not draw
   * what the controllers hide at once (at 10^4 relations, every edge label: tens of ms).
   */
  startingSettings?: () => ExplorerSigmaSettings;
  /** Called after sigma's first drawn frame (of each instance: a replaced graph is drawn anew). */
  onFirstFrame?: () => void;
  children?: ReactNode;
}

export function GraphCanvas({ graph, label, startingSettings, onFirstFrame, children }: GraphCanvasProps) {
  const settings = useMemo(() => createSigmaSettings(), []);
  const [sigma, setSigma] = useState<ExplorerSigma | null>(null);
  // Read when a sigma is made, not a reason to make another (the first render's, or the last
  // committed one's when the graph is replaced: the controllers correct what it got wrong).
  const starting = useRef(startingSettings);
  const firstFrame = useRef(onFirstFrame);
  useLayoutEffect(() => {
    starting.current = startingSettings;
    firstFrame.current = onFirstFrame;
  });

  const containerRef = useCallback(
    (container: HTMLDivElement | null) => {
      if (!container) return;
      // Written here, not as React props, so React never resets what sigma's events set.
      container.dataset.graphReady = 'false';
      container.dataset.cameraSettled = 'true';
      // Sigma indexes, processes and draws in its constructor, and any settings change after it
      // indexes every entity and relation again: it starts with the settings it will draw with.
      // That first frame is never shown (the render scheduled below replaces it before the browser
      // paints, once the camera is fitted), so it places no names: a pass over hundreds of labels
      // in code not yet compiled, for nothing. The drawer stays the same function, so no setting changes.
      const startWith = { ...settings, ...starting.current?.() };
      markOnce('graph-canvas-start');
      const drawLabel = startWith.defaultDrawNodeLabel;
      let constructing = true;
      const instance: ExplorerSigma = new Sigma(graph, container, {
        ...startWith,
        defaultDrawNodeLabel:
          drawLabel &&
          ((...args) => {
            if (!constructing) drawLabel(...args);
          }),
      });
      constructing = false;
      markOnce('graph-canvas-made');
      let renders = 0;
      instance.on('afterRender', () => {
        renders += 1;
        container.dataset.renderCount = String(renders);
        container.dataset.graphReady = 'true';
        if (renders === 1) firstFrame.current?.();
      });
      const camera = instance.getCamera();
      const showCamera = () => {
        const { x, y, ratio } = camera.getState();
        container.dataset.camera = [x, y, ratio].map((value) => value.toFixed(4)).join(',');
      };
      showCamera();
      camera.on('updated', showCamera);
      // Panels opening or the window turning change the canvas size without a window resize.
      // Its first call only reports the size sigma has already taken: no second refresh then.
      const observer = new ResizeObserver(() => {
        const { width, height } = instance.getDimensions();
        if (container.offsetWidth === width && container.offsetHeight === height) return;
        instance.resize();
        instance.scheduleRefresh();
      });
      observer.observe(container);
      const hideProbe = exposeCanvasProbe(instance);
      // The constructor may have rendered before the listener above existed.
      instance.scheduleRender();
      setSigma(instance);
      return () => {
        hideProbe();
        observer.disconnect();
        camera.off('updated', showCamera);
        instance.kill();
        setSigma(null);
      };
    },
    [graph, settings],
  );

  return (
    <div className="graph-canvas">
      <div ref={containerRef} className="graph-canvas__sigma" role="img" aria-label={label} />
      {/* Only the instance of this graph: when the graph is replaced (refreshed data), the old
          instance is killed in this commit, and a controller must not drive it any more. */}
      {sigma && sigma.getGraph() === graph && <SigmaContext.Provider value={sigma}>{children}</SigmaContext.Provider>}
    </div>
  );
}
