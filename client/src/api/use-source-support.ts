/**
 * Binding: the source filter's rule for entities (api/source-support.ts) as a visibility scope
 * for the loaded graph. Answers are kept per choice of sources, so entities joining the view
 * (an expansion) are the only ones asked about. While an answer is on its way `checking` is
 * true and the entities not judged yet are kept (the scope is null until the first answer).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';

import { sourceSupportScope, type Visibility } from '../core/filters';
import type { GraphData } from '../core/graph-data';
import { fetchEntitiesSupportedBy } from './source-support';

export interface SourceSupport {
  scope: Visibility | null;
  checking: boolean;
  error: Error | null;
  retry: () => void;
}

interface Answer {
  /** The sources asked about, sorted and joined: the answer's key. */
  key: string;
  /** Entities asked about, and those of them the sources support. */
  asked: ReadonlySet<string>;
  supported: ReadonlySet<string>;
}

export function useSourceSupport(data: GraphData, sources: readonly string[] | null): SourceSupport {
  const client = useClient();
  const key = sources === null ? null : [...sources].sort().join('\n');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A failure belongs to the choice and the attempt it answered: a retry or another choice clears it.
  const [failure, setFailure] = useState<{ key: string; attempt: number; error: Error } | null>(null);
  const error = failure !== null && failure.key === key && failure.attempt === attempt ? failure.error : null;

  const known = answer !== null && answer.key === key ? answer : null;
  const missing = useMemo(
    () => (key === null ? [] : data.entities.map((entity) => entity.id).filter((id) => !known?.asked.has(id))),
    [data, key, known],
  );

  useEffect(() => {
    if (key === null || sources === null || missing.length === 0) return;
    let current = true;
    fetchEntitiesSupportedBy(client, sources, missing).then(
      (supported) => {
        if (!current) return;
        setAnswer((previous) => {
          const base =
            previous?.key === key ? previous : { key, asked: new Set<string>(), supported: new Set<string>() };
          return {
            key,
            asked: new Set([...base.asked, ...missing]),
            supported: new Set([...base.supported, ...supported]),
          };
        });
      },
      (reason: unknown) => {
        if (current) setFailure({ key, attempt, error: reason instanceof Error ? reason : new Error(String(reason)) });
      },
    );
    return () => {
      current = false;
    };
    // `sources` is read through `key`, which names the same choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, missing, attempt]);

  // Entities not judged yet (joining the view) stay until their answer: the others keep theirs.
  const scope = useMemo(
    () => (known ? sourceSupportScope(data, new Set([...known.supported, ...missing])) : null),
    [known, missing, data],
  );
  const complete = key !== null && known !== null && missing.length === 0;
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { scope, checking: key !== null && !complete && error === null, error, retry };
}
