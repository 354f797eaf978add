/** Export of what is visible: PNG of the canvas, GEXF of the graph, CSV of relations with citations. */
import { useState } from 'react';

import { relationsCsv, visibleGraphGexf } from '../../../core/export';
import type { Visibility } from '../../../core/filters';
import type { GraphData } from '../../../core/graph-data';
import { downloadFile, sigmaToPngBlob } from './export-files';
import { useSigma } from './sigma-context';

const FILE_STEM = 'knowledge-graph';

export function ExportControls({ data, visibility }: { data: GraphData; visibility: Visibility }) {
  const sigma = useSigma();
  const [problem, setProblem] = useState<string | null>(null);

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
      title: 'An image of the canvas as shown',
      action: async () => downloadFile(await sigmaToPngBlob(sigma), `${FILE_STEM}.png`, 'image/png'),
    },
    {
      format: 'GEXF',
      title: 'The visible graph, for Gephi',
      action: () =>
        downloadFile(visibleGraphGexf(sigma.getGraph(), data, visibility), `${FILE_STEM}.gexf`, 'application/xml'),
    },
    {
      format: 'CSV',
      title: 'The visible relations, one row per citation',
      action: () =>
        downloadFile(relationsCsv(data, visibility.relations), `${FILE_STEM}-relations.csv`, 'text/csv;charset=utf-8'),
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
