/**
 * The seed graph with more entity types than the seed's vocabulary has: for tests of what a
 * large vocabulary asks of the API (type lists longer than other lists) and of the explorer
 * (a legend with dozens of types). Written to a temporary copy of graph-data and loaded
 * through the loader, like any dataset.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';

/** The id and the label of the `index`th added type. */
export const addedEntityType = (index: number) => `added-type-${index}`;
export const addedEntityTypeLabel = (index: number) => `Added type ${index}`;

/**
 * The seed with `added` entity types more ("added-type-0" …). With `used`, the entities take
 * them in turn, so every added type has entities (when there are as many entities) and the
 * seed's own types have none.
 */
export async function seedWithAddedEntityTypes(added: number, { used = false } = {}): Promise<KnowledgeGraph> {
  const dir = await mkdtemp(join(tmpdir(), 'added-entity-types-'));
  try {
    await cp(DEFAULT_GRAPH_DATA_DIR, dir, { recursive: true });
    const vocabularyFile = join(dir, 'vocabulary.yaml');
    const vocabulary = await readFile(vocabularyFile, 'utf8');
    const types = Array.from(
      { length: added },
      (_, index) =>
        `  - id: ${addedEntityType(index)}\n    label: ${addedEntityTypeLabel(index)}\n    description: A type added by a test.\n`,
    ).join('');
    await writeFile(vocabularyFile, vocabulary.replace('\nrelationTypes:', `${types}\nrelationTypes:`));
    if (used) {
      const entitiesFile = join(dir, 'entities.yaml');
      let next = 0;
      const entities = (await readFile(entitiesFile, 'utf8')).replace(
        /^ {2}type: .+$/gm,
        () => `  type: ${addedEntityType(next++ % added)}`,
      );
      await writeFile(entitiesFile, entities);
    }
    return await loadGraphData(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
