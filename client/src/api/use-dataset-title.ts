/** Binding: the dataset's title as the API gives it (graph-data/dataset.yaml), for the header and the page title. */
import { useQuery } from 'urql';

import { parsedDocument } from './documents';
import { DatasetTitleDocument } from './generated/graphql';

/** Shown until the API answers, and if it cannot: names no particular graph. */
export const FALLBACK_TITLE = 'Knowledge graph';

export function useDatasetTitle(): string {
  // urql's document cache answers every caller from one request.
  const [{ data }] = useQuery({ query: parsedDocument(DatasetTitleDocument) });
  return data?.dataset.title ?? FALLBACK_TITLE;
}
