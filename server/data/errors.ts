/**
 * Problems found in graph-data. The loader collects every problem it can see before it
 * fails, so a curator fixes a file in one pass; but any problem at all fails the load.
 */

/** Where a problem is: the file, and when known the record, its id, the field and the line. */
export interface DataLocation {
  /** Path relative to the graph-data folder, e.g. `relations.yaml`. */
  file: string;
  /** 1-based position of the record in its file's list. */
  record?: number;
  recordId?: string;
  /** Dotted path inside the record, e.g. `citations.0.quote`. */
  field?: string;
  /** 1-based line in the file. */
  line?: number;
}

export interface DataProblem extends DataLocation {
  message: string;
}

export function formatProblem(problem: DataProblem): string {
  const where = [problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`];
  if (problem.record !== undefined) {
    where.push(`record ${problem.record}${problem.recordId ? ` (id "${problem.recordId}")` : ''}`);
  }
  if (problem.field) where.push(`field "${problem.field}"`);
  return `${where.join(', ')}: ${problem.message}`;
}

export class GraphDataError extends Error {
  readonly problems: DataProblem[];

  constructor(problems: DataProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `graph-data is invalid (${count}); nothing was loaded:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'GraphDataError';
    this.problems = problems;
  }
}
