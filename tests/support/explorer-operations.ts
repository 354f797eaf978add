/** Every operation the explorer sends (the .graphql files under client/src), each with the fragments it uses. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { type DefinitionNode, Kind, parse, print, visit } from 'graphql';

const CLIENT_SOURCES = fileURLToPath(new URL('../../client/src', import.meta.url));

export interface ExplorerOperation {
  name: string;
  /** query, or mutation (curator mode). */
  operation: string;
  document: string;
}

export async function explorerOperations(): Promise<ExplorerOperation[]> {
  const files = (await readdir(CLIENT_SOURCES, { recursive: true })).filter((file) => file.endsWith('.graphql'));
  const texts = await Promise.all(files.map((file) => readFile(path.join(CLIENT_SOURCES, file), 'utf8')));
  const definitions = parse(texts.join('\n')).definitions;
  const fragments = new Map(
    definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const withFragments = (root: DefinitionNode): string => {
    const used = new Set<string>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          collect(fragments.get(spread.name.value)!);
        },
      });
    collect(root);
    return [root, ...[...used].map((name) => fragments.get(name)!)].map((d) => print(d)).join('\n');
  };
  return definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.name
      ? [{ name: d.name.value, operation: d.operation, document: withFragments(d) }]
      : [],
  );
}
