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
  children?: ReactNode;
}

export function GraphCanvas({ graph, label, startingSettings, children }: GraphCanvasProps) {
  const settings = useMemo(() => createSigmaSettings(), []);
  const [sigma, setSigma] = useState<ExplorerSigma | null>(null);
  // Read when a sigma is made, not a reason to make another (the first render's, or the last
  // committed one's when the graph is replaced: the controllers correct what it got wrong).
  const starting = useRef(startingSettings);
  useLayoutEffect(() => {
    starting.current = startingSettings;
  });

  const containerRef = useCallback(
    (container: HTMLDivElement | null) => {
      if (!container) return;
      // Written here, not as React props, so React never resets what sigma's events set.
      container.dataset.graphReady = 'false';
      container.dataset.cameraSettled = 'true';
      const startWith = { ...settings, ...starting.current?.() };
      // Sigma draws in its constructor, but that frame is never shown: the settings below (and
      // the controllers' reducers) refresh it before the browser paints. It draws no names, then:
      // a pass over hundreds of labels while the code is still cold, for nothing.
      const instance: ExplorerSigma = new Sigma(graph, container, {
        ...startWith,
        renderLabels: false,
        renderEdgeLabels: false,
      });
      instance.setSettings({
        renderLabels: startWith.renderLabels ?? true,
        renderEdgeLabels: startWith.renderEdgeLabels ?? false,
      });
      let renders = 0;
      instance.on('afterRender', () => {
        renders += 1;
        container.dataset.renderCount = String(renders);
        container.dataset.graphReady = 'true';
      });
      const camera = instance.getCamera();
      const showCamera = () => {
        const { x, y, ratio } = camera.getState();
        container.dataset.camera = [x, y, ratio].map((value) => value.toFixed(4)).join(',');
      };
      showCamera();
      camera.on('updated', showCamera);
      // Panels opening or the window turning change the canvas size without a window resize.
      const observer = new ResizeObserver(() => {
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
