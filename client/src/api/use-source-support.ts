/**
 * Binding: the source filter's rule for entities (api/source-support.ts) as a visibility scope
 * for the loaded graph. Answers are kept per choice of sources, so entities joining the view
 * (an expansion) are the only ones asked about, each once. While an answer is on its way `checking` is
 * true and the entities not judged yet are kept (the scope is null until the first answer).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  // Entities asked about and not answered yet, for the choice asked: the view can change while
  // an answer is on its way (an expansion's page arrives), and they are not asked again.
  const inFlight = useRef<{ key: string | null; ids: Set<string> }>({ key: null, ids: new Set() });

  const known = answer !== null && answer.key === key ? answer : null;
  const missing = useMemo(
    () => (key === null ? [] : data.entities.map((entity) => entity.id).filter((id) => !known?.asked.has(id))),
    [data, key, known],
  );

  useEffect(() => {
    if (key === null || sources === null) return;
    if (inFlight.current.key !== key) inFlight.current = { key, ids: new Set() };
    const asking = inFlight.current.ids;
    const ids = missing.filter((id) => !asking.has(id));
    if (ids.length === 0) return;
    for (const id of ids) asking.add(id);
    const settle = () => {
      for (const id of ids) asking.delete(id);
    };
    fetchEntitiesSupportedBy(client, sources, ids).then(
      (supported) => {
        settle();
        // An answer for a choice since given up is dropped; one for this choice stays good as the view changes.
        if (inFlight.current.key !== key) return;
        setAnswer((previous) => {
          const base =
            previous?.key === key ? previous : { key, asked: new Set<string>(), supported: new Set<string>() };
          return {
            key,
            asked: new Set([...base.asked, ...ids]),
            supported: new Set([...base.supported, ...supported]),
          };
        });
      },
      (reason: unknown) => {
        settle();
        if (inFlight.current.key !== key) return;
        setFailure({ key, attempt, error: reason instanceof Error ? reason : new Error(String(reason)) });
      },
    );
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
