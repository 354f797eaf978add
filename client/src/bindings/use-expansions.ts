/**
 * Binding: the bounded view's expansions (core/bounded-view/expansion) as React state, the
 * view they compose, and the render graph kept in step with it (new entities placed around
 * the entity they came from). Given to the panels as context.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';

import { fetchNeighbourPage } from '../api/expand-entity';
import { addPage, collapse, composeView, type Expansions } from '../core/bounded-view/expansion';
import { syncRenderGraph } from '../core/bounded-view/placement';
import type { RenderGraph } from '../core/graph-building';
import type { GraphData } from '../core/graph-data';

export interface ExpansionControls {
  /** False when the whole graph is loaded: nothing to expand. */
  bounded: boolean;
  expansions: Expansions;
  /** Entities whose next page is on its way. */
  pending: ReadonlySet<string>;
  error: string | null;
  /** Brings in the entity's first page of neighbours, or its next one when already expanded. */
  expand(entityId: string): void;
  collapse(entityId: string): void;
}

export const ExpansionContext = createContext<ExpansionControls | null>(null);

export function useExpansionControls(): ExpansionControls | null {
  return useContext(ExpansionContext);
}

export function useExpansions(base: GraphData, graph: RenderGraph): { view: GraphData; controls: ExpansionControls } {
  const client = useClient();
  const [expansions, setExpansions] = useState<Expansions>(() => new Map());
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const view = useMemo(() => composeView(base, expansions), [base, expansions]);

  useLayoutEffect(() => {
    syncRenderGraph(graph, view, expansions);
  }, [graph, view, expansions]);

  const setPendingFor = useCallback((entityId: string, on: boolean) => {
    setPending((current) => {
      const next = new Set(current);
      if (on) next.add(entityId);
      else next.delete(entityId);
      return next;
    });
  }, []);

  const expand = useCallback(
    (entityId: string) => {
      const current = expansions.get(entityId);
      if (pending.has(entityId) || (current && current.next === null)) return;
      setPendingFor(entityId, true);
      setError(null);
      fetchNeighbourPage(client, entityId, current?.next ?? null).then(
        (page) => {
          setExpansions((latest) => addPage(latest, entityId, page));
          setPendingFor(entityId, false);
        },
        (failure: unknown) => {
          setError(failure instanceof Error ? failure.message : String(failure));
          setPendingFor(entityId, false);
        },
      );
    },
    [client, expansions, pending, setPendingFor],
  );

  const collapseEntity = useCallback((entityId: string) => setExpansions((latest) => collapse(latest, entityId)), []);

  const controls = useMemo(
    () => ({ bounded: Boolean(base.bounded), expansions, pending, error, expand, collapse: collapseEntity }),
    [base.bounded, expansions, pending, error, expand, collapseEntity],
  );
  return { view, controls };
}
