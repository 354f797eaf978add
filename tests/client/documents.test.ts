import { createRequest } from '@urql/core';

import { apiDocument, hookDocument } from '../../client/src/api/documents';
import { NeighborhoodDocument, PathsDocument } from '../../client/src/api/generated/graphql';

describe('documents as urql takes them', () => {
  it('hands urql the generated text itself, which it parses into the same operation', () => {
    const text = NeighborhoodDocument.toString();
    expect(apiDocument(NeighborhoodDocument)).toBe(text);
    const request = createRequest(apiDocument(NeighborhoodDocument), { id: 'x', depth: 1, limit: 10 });
    const operation = request.query.definitions.find((definition) => definition.kind === 'OperationDefinition');
    expect(operation && 'name' in operation ? operation.name?.value : null).toBe('Neighborhood');
  });

  it('gives paused hooks one short document, whatever theirs, and running ones their own', () => {
    const paused = [hookDocument(NeighborhoodDocument, true), hookDocument(PathsDocument, true)];
    expect(paused[0]).toBe(paused[1]);
    expect(String(paused[0]).length).toBeLessThan(40);
    expect(hookDocument(PathsDocument, false)).toBe(PathsDocument.toString());
  });
});
