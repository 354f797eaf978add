/**
 * Run by crash.test.ts as a child process: applies one change that writes three files
 * (entities.yaml, relations.yaml, changes.yaml) to the graph-data folder given as argument;
 * with `undo` as second argument, then undoes it (retiring both records: the same three files).
 * With CURATION_CRASH_AT set, the write path kills this process at that step of the last change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { openCuration } from '../../server/curation/curation';
import { dataVersion } from '../../server/api/served-graph';
import { loadGraphData } from '../../server/data/load-graph-data';
import { CRASH_CHANGE, CRASH_QUOTE } from './crash-change';

const dir = process.argv[2]!;
const undo = process.argv[3] === 'undo';
const crashAt = process.env.CURATION_CRASH_AT;
if (undo) delete process.env.CURATION_CRASH_AT; // the change to undo is written whole
const text = await readFile(path.join(dir, 'sources', `${CRASH_CHANGE.source}.txt`), 'utf8');
const start = text.indexOf(CRASH_QUOTE);
const curation = await openCuration(dir, await loadGraphData(dir), dataVersion, () => {});
await curation.apply(
  {
    kind: 'addRelation',
    newEntities: [CRASH_CHANGE.entity],
    relation: {
      subject: 'isis-k',
      type: 'recruits_from',
      object: CRASH_CHANGE.entityId,
      citations: [{ source: CRASH_CHANGE.source, start, end: start + CRASH_QUOTE.length }],
    },
  },
  { by: 'Crash Test', baseVersion: curation.version() },
);
if (undo) {
  if (crashAt) process.env.CURATION_CRASH_AT = crashAt;
  await curation.apply(
    { kind: 'revert', change: 1, reason: 'the crash test undoes it' },
    { by: 'Crash Test', baseVersion: curation.version() },
  );
}
console.log('written');
