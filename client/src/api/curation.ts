/**
 * Every call of curator mode: the session routes (/curator/session), the article upload
 * (/curator/sources) and the change mutations, each sent with the session's CSRF token.
 */
import { useCallback, useEffect, useState } from 'react';
import { type AnyVariables, useClient } from 'urql';

import { apiDocument } from './documents';
import {
  ChangeLogDocument,
  CitableRecordsDocument,
  CurationInfoDocument,
  type TypedDocumentString,
} from './generated/graphql';
import { useApiQuery } from './use-api-query';

export interface CuratorSession {
  enabled: boolean;
  curator: string | null;
  csrfToken: string | null;
}

export interface ChangeOutcomeData {
  dataVersion: string;
  change: { id: number; summary: string; added: string[] };
}

const CSRF_HEADER = 'x-csrf-token';

async function sessionCall(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<CuratorSession> {
  const response = await fetch('/curator/session', {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const answer = (await response.json()) as CuratorSession & { errors?: { message: string }[] };
  if (!response.ok) throw new Error(answer.errors?.[0]?.message ?? `The server answered ${response.status}.`);
  return answer;
}

/** The curator session of this browser, with sign-in and sign-out. */
export function useCuratorSession() {
  const [session, setSession] = useState<CuratorSession | null>(null);
  useEffect(() => {
    sessionCall('GET').then(setSession, () => setSession({ enabled: false, curator: null, csrfToken: null }));
  }, []);
  const signIn = useCallback(
    async (token: string, name: string) => setSession(await sessionCall('POST', { token, name })),
    [],
  );
  const signOut = useCallback(async () => setSession(await sessionCall('DELETE')), []);
  return { session, signIn, signOut };
}

export function useCurationInfo() {
  return useApiQuery(CurationInfoDocument, {});
}

/** Most relations (the best supported) and claims offered as targets of new evidence. */
export const CITABLE_RELATIONS = 200;

/** An entity's claims and best-supported relations, which a passage can be added to as evidence. */
export function useCitableRecords(entityId: string | null) {
  return useApiQuery(CitableRecordsDocument, { id: entityId ?? '', first: CITABLE_RELATIONS }, entityId === null);
}

export function useChangeLog() {
  return useApiQuery(ChangeLogDocument, { first: 100 });
}

/** Sends one change; resolves with its outcome or rejects with the server's message. */
export function useChangeSender(csrfToken: string | null) {
  const client = useClient();
  return useCallback(
    async <Data, Variables extends AnyVariables>(
      document: TypedDocumentString<Data, Variables>,
      variables: Variables,
    ): Promise<Data> => {
      const result = await client
        .mutation(apiDocument(document), variables, {
          fetchOptions: { headers: { [CSRF_HEADER]: csrfToken ?? '' }, credentials: 'same-origin' },
        })
        .toPromise();
      if (result.error) throw new Error(result.error.graphQLErrors[0]?.message ?? result.error.message);
      return result.data as Data;
    },
    [client, csrfToken],
  );
}

export interface ArticleDraft {
  baseVersion: string;
  title: string;
  publisher: string;
  author: string;
  published: string;
  url: string;
  text: string;
}

/** Uploads a new article; resolves with the new source's id. */
export async function uploadArticle(article: ArticleDraft, csrfToken: string | null): Promise<string> {
  const response = await fetch('/curator/sources', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: csrfToken ?? '' },
    credentials: 'same-origin',
    body: JSON.stringify(article),
  });
  const answer = (await response.json()) as { sourceId?: string; errors?: { message: string }[] };
  if (!response.ok || !answer.sourceId) {
    throw new Error(answer.errors?.[0]?.message ?? `The server answered ${response.status}.`);
  }
  return answer.sourceId;
}
