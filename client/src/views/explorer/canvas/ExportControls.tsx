/**
 * Export of what is visible: the picture as PNG and SVG (2×, with title, filters, legend and
 * sources), GEXF of the graph, CSV of relations with citations.
 */
import { useState } from 'react';
import { useClient } from 'urql';

import { fetchRelationCitations } from '../../../api/relation-citations';
import { useLoadedGraph } from '../../../bindings/loaded-graph';
import { useExplorerState } from '../../../bindings/use-explorer-state';
import { relationsCsv, visibleGraphGexf } from '../../../core/export';
import { pictureLegend, pictureSources, pictureSvg } from '../../../core/export/picture';
import type { Visibility } from '../../../core/filters';
import { describeActiveFilters } from '../../../core/filters/describe';
import type { GraphData } from '../../../core/graph-data';
import { downloadFile, drawnOnCanvas, svgToPngBlob } from './export-files';
import { useSigma } from './sigma-context';

/** How many times the canvas's size the pictures are. */
const PICTURE_SCALE = 2;

const FILE_STEM = 'knowledge-graph';

export function ExportControls({ data, visibility }: { data: GraphData; visibility: Visibility }) {
  const sigma = useSigma();
  const client = useClient();
  const { colors } = useLoadedGraph();
  const { state } = useExplorerState();
  const { title } = data;
  const [problem, setProblem] = useState<string | null>(null);

  /** The picture of what the canvas shows now, as SVG text. */
  const picture = () => {
    const drawn = drawnOnCanvas(sigma);
    const focus = state.focus
      ? [
          `Focus: ${data.entityById.get(state.focus.entityId)?.name ?? state.focus.entityId}, ${state.focus.depth} ${state.focus.depth === 1 ? 'hop' : 'hops'}`,
        ]
      : [];
    return pictureSvg(
      {
        ...drawn,
        title,
        subtitle: `${drawn.nodes.length} entities · ${drawn.edges.length} relations shown`,
        filters: [...describeActiveFilters(state.filters, data), ...focus],
        ...pictureLegend(
          data,
          colors,
          drawn.nodes.map((node) => node.id),
        ),
        sources: pictureSources(
          data,
          drawn.edges.map((edge) => edge.id),
        ),
      },
      PICTURE_SCALE,
    );
  };

  const run = async (what: string, action: () => Promise<void> | void) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(`Could not export ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const exports = [
    {
      format: 'PNG',
      title: 'A picture of the canvas as shown, at 2×, with the title, filters, legend and sources',
      action: async () => downloadFile(await svgToPngBlob(picture()), `${FILE_STEM}.png`, 'image/png'),
    },
    {
      format: 'SVG',
      title: 'The same picture as SVG',
      action: () => downloadFile(picture(), `${FILE_STEM}.svg`, 'image/svg+xml'),
    },
    {
      format: 'GEXF',
      title: 'The visible graph, for Gephi',
      action: async () => {
        const citations = await fetchRelationCitations(client, visibility.relations);
        downloadFile(
          visibleGraphGexf(sigma.getGraph(), data, visibility, citations),
          `${FILE_STEM}.gexf`,
          'application/xml',
        );
      },
    },
    {
      format: 'CSV',
      title: 'The visible relations, one row per citation',
      action: async () => {
        const citations = await fetchRelationCitations(client, visibility.relations);
        const csv = relationsCsv(data, visibility.relations, citations);
        downloadFile(csv, `${FILE_STEM}-relations.csv`, 'text/csv;charset=utf-8');
      },
    },
  ];

  return (
    <div className="canvas-toolbar canvas-toolbar--export" role="group" aria-label="Export" data-canvas-overlay>
      <span className="canvas-toolbar__label" aria-hidden="true">
        Export
      </span>
      {exports.map(({ format, title, action }) => (
        <button
          key={format}
          type="button"
          className="text-button"
          aria-label={`Export ${format}`}
          title={title}
          onClick={() => void run(format, action)}
        >
          {format}
        </button>
      ))}
      {problem && (
        <p role="alert" className="canvas-toolbar__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
