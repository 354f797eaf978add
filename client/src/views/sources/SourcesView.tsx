/**
 * The sources, a page at a time: each article with its facts (title, publisher, author,
 * date), what it supports (entities, relations, claims, citations, each list paged) and how
 * much of that no other article does; a link to read it, one to show only its subgraph on the graph (the source filter),
 * and one to compare it with another.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';

import { useChangeLog } from '../../api/curation';
import type { SourceFactsFragment } from '../../api/generated/graphql';
import { useSourceClaims, useSourceEntities, useSourceRelations, useSourcesOverview } from '../../api/queries';
import type { PagedList } from '../../api/use-paged-list';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { AppLink } from '../../components/AppLink';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { SourceFactsList } from '../../components/SourceFacts';
import { TypeBadge } from '../../components/TypeBadge';
import { setCompareSource } from '../../core/comparison';
import { attributeLabel } from '../../core/entity-details';
import { on } from '../../core/explorer-state';
import { onlyFilterValue } from '../../core/filters';
import { sourceShortName } from '../../core/graph-data';
import { readerHref, routeHref } from '../../core/routing';
import { selectEntity, selectRelation } from '../../core/selection';
import './sources.css';

/** One of a source's lists (entities, relations, claims), a page at a time with "N of M". */
function SupportList<Node>({
  title,
  list,
  className,
  render,
}: {
  title: string;
  list: PagedList<unknown, Node>;
  className: string;
  render: (node: Node) => ReactNode;
}) {
  return (
    <>
      <h4>
        {title} <span className="count">{list.totalCount ?? '…'}</span>
      </h4>
      <QueryState
        query={list}
        action={`load the ${title.toLowerCase()} of this source`}
        found={list.totalCount !== null}
      />
      <ul className={className}>{list.nodes.map(render)}</ul>
      <ShowMore list={list} what={title.toLowerCase()} />
    </>
  );
}

/** What a source supports, from the API (so names need not be loaded in the graph), each list in pages. */
function Supports({ sourceId }: { sourceId: string }) {
  const { href: graphLink } = useExplorerState();
  const entities = useSourceEntities(sourceId);
  const relations = useSourceRelations(sourceId);
  const claims = useSourceClaims(sourceId);
  return (
    <div className="source-support">
      <SupportList
        title="Entities"
        list={entities}
        className="source-support__entities"
        render={(entity) => (
          <li key={entity.id}>
            <AppLink href={graphLink(on('selection', selectEntity(entity.id)))}>
              <TypeBadge type={entity.type} compact />
              {entity.name}
            </AppLink>
          </li>
        )}
      />
      <SupportList
        title="Relations"
        list={relations}
        className="source-support__relations"
        render={(relation) => {
          const citation = relation.citations.find((item) => item.source.id === sourceId);
          const sentence = `${relation.subject.name} ${relation.label} ${relation.object.name}`;
          return (
            <li key={relation.id}>
              <AppLink href={graphLink(on('selection', selectRelation(relation.id)))}>
                {relation.subject.name} <em>{relation.label}</em> {relation.object.name}
              </AppLink>
              {relation.corroboration === 1 && <span className="tag tag--single">only this source</span>}
              {citation && (
                <AppLink
                  className="source-support__read"
                  href={readerHref(sourceId, citation, { kind: 'relation', id: relation.id })}
                  aria-label={`Read the quote for ${sentence}`}
                >
                  quote
                </AppLink>
              )}
            </li>
          );
        }}
      />
      <SupportList
        title="Claims"
        list={claims}
        className="source-support__claims"
        render={(claim) => {
          const citation = claim.citations.find((item) => item.source.id === sourceId);
          const text = `${claim.entity.name} · ${attributeLabel(claim.attribute)}: ${claim.value}`;
          return (
            <li key={claim.id}>
              {citation ? (
                <AppLink href={readerHref(sourceId, citation, { kind: 'claim', id: claim.id })}>{text}</AppLink>
              ) : (
                text
              )}
            </li>
          );
        }}
      />
    </div>
  );
}

function SourceCard({
  source,
  support,
  added,
}: {
  source: SourceFactsFragment;
  /** How many of the loaded relations it cites, and how many of those no other source does; null in a bounded view. */
  support: { cited: number; onlyHere: number } | null;
  added: { by: string; at: string } | undefined;
}) {
  const { data } = useLoadedGraph();
  const { href: graphLink } = useExplorerState();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const short = sourceShortName(source);
  const allIds = data.sources.map((item) => item.id);
  const facts = source;
  const counts: [string, number][] = [
    ['entities', facts.entityCount],
    ['relations', facts.relationCount],
    ['claims', facts.claimCount],
    ['citations', facts.citationCount],
  ];
  return (
    <li className="source-card">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="source-card__title">
          <AppLink href={readerHref(source.id)}>{source.title}</AppLink>
        </h2>
        <SourceFactsList source={source} />
        {facts.note && <p className="note">{facts.note}</p>}
        {added && (
          <p className="source-card__added">
            Added by {added.by} on <time dateTime={added.at}>{new Date(added.at).toLocaleString()}</time>
          </p>
        )}
        <dl className="source-card__counts" aria-label={`What ${short} supports`}>
          {counts.map(([label, count]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{count}</dd>
            </div>
          ))}
        </dl>
        {support && (
          <p className="source-card__unique">
            {support.onlyHere} of its {support.cited} relations are supported by no other source.
          </p>
        )}
        <p className="source-card__actions">
          <AppLink className="secondary-button" href={readerHref(source.id)}>
            Read<span className="visually-hidden"> {source.title}</span>
          </AppLink>
          <AppLink
            className="secondary-button"
            href={graphLink(on('filters', onlyFilterValue('sources', source.id, allIds)))}
          >
            Show only its subgraph<span className="visually-hidden"> ({short}) on the graph</span>
          </AppLink>
          <AppLink className="secondary-button" href={graphLink(on('compare', setCompareSource('a', source.id)))}>
            Compare<span className="visually-hidden"> {short} with another source</span>
          </AppLink>
        </p>
        <details className="source-card__details" onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>
            What it supports<span className="visually-hidden"> ({short})</span>
          </summary>
          {open && <Supports sourceId={source.id} />}
        </details>
      </article>
    </li>
  );
}

/** Who added each source through the API, and when, from the change log. */
function useSourceAdditions(): Map<string, { by: string; at: string }> {
  const log = useChangeLog();
  const additions = new Map<string, { by: string; at: string }>();
  for (const change of log.data?.changes ?? []) {
    for (const ref of change.added) {
      if (ref.startsWith('source:')) additions.set(ref.slice('source:'.length), { by: change.by, at: change.at });
    }
  }
  return additions;
}

/**
 * Per source, the relations of the loaded graph it cites and how many of them only it does:
 * one pass over the relations. Null in a bounded view, where the loaded relations are a part.
 */
function useLoadedSupport(): Map<string, { cited: number; onlyHere: number }> | null {
  const { data } = useLoadedGraph();
  return useMemo(() => {
    if (data.bounded) return null;
    const support = new Map<string, { cited: number; onlyHere: number }>();
    for (const relation of data.relations) {
      for (const sourceId of relation.sourceIds) {
        const counts = support.get(sourceId) ?? { cited: 0, onlyHere: 0 };
        counts.cited += 1;
        if (relation.corroboration === 1) counts.onlyHere += 1;
        support.set(sourceId, counts);
      }
    }
    return support;
  }, [data]);
}

export function SourcesView() {
  const sources = useSourcesOverview();
  const additions = useSourceAdditions();
  const support = useLoadedSupport();
  return (
    <PageLayout title="Sources">
      <p className="page__lede">
        The {sources.totalCount ?? ''} articles the graph is built from. Every relation and claim cites one or more of
        them; read an article to see each cited sentence in place, or show only what it supports on the graph.
      </p>
      <QueryState query={sources} action="load the sources" found={sources.totalCount !== null} loading="Loading…" />
      <p>
        <AppLink href={routeHref({ view: 'curate' })}>Curate: add an article, and the history of changes</AppLink>
      </p>
      <ol className="source-cards" aria-label="Sources">
        {sources.nodes.map((source) => (
          <SourceCard
            key={source.id}
            source={source}
            support={support ? (support.get(source.id) ?? { cited: 0, onlyHere: 0 }) : null}
            added={additions.get(source.id)}
          />
        ))}
      </ol>
      <ShowMore list={sources} what="sources" />
    </PageLayout>
  );
}
