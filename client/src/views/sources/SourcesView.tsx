/**
 * The sources: each article with its facts (title, publisher, author, date), what it
 * supports (entities, relations, claims, citations) and how much of that no other article
 * does; a link to read it, one to show only its subgraph on the graph (the source filter),
 * and one to compare it with another.
 */
import { useId, useState } from 'react';

import { useChangeLog } from '../../api/curation';
import type { SourceFactsFragment } from '../../api/generated/graphql';
import { useSourcesOverview, useSourceSupport } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { AppLink } from '../../components/AppLink';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { SourceFactsList } from '../../components/SourceFacts';
import { TypeBadge } from '../../components/TypeBadge';
import { setCompareSource } from '../../core/comparison';
import { attributeLabel } from '../../core/entity-details';
import { on } from '../../core/explorer-state';
import { onlyFilterValue } from '../../core/filters';
import { sourceShortName, type SourceInfo } from '../../core/graph-data';
import { readerHref, routeHref } from '../../core/routing';
import { selectEntity, selectRelation } from '../../core/selection';
import './sources.css';

function Supports({ sourceId }: { sourceId: string }) {
  const { data } = useLoadedGraph();
  const { href: graphLink } = useExplorerState();
  const query = useSourceSupport(sourceId);
  const support = query.data?.source;
  if (!support) {
    return (
      <QueryState
        query={query}
        action="load what this source supports"
        found={false}
        loading="Loading…"
        missing={`The API has no source with the id “${sourceId}”.`}
      />
    );
  }
  const name = (id: string) => data.entityById.get(id)?.name ?? id;
  const entities = support.entities
    .map((entity) => data.entityById.get(entity.id))
    .filter((entity) => entity !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const relations = support.relations
    .map((relation) => data.relationById.get(relation.id))
    .filter((relation) => relation !== undefined)
    .sort((a, b) => name(a.subjectId).localeCompare(name(b.subjectId)) || a.label.localeCompare(b.label));
  return (
    <div className="source-support">
      <h4>Entities</h4>
      <ul className="source-support__entities">
        {entities.map((entity) => (
          <li key={entity.id}>
            <AppLink href={graphLink(on('selection', selectEntity(entity.id)))}>
              <TypeBadge type={entity.type} compact />
              {entity.name}
            </AppLink>
          </li>
        ))}
      </ul>
      <h4>Relations</h4>
      <ul className="source-support__relations">
        {relations.map((relation) => {
          const citation = relation.citations.find((item) => item.sourceId === sourceId);
          return (
            <li key={relation.id}>
              <AppLink href={graphLink(on('selection', selectRelation(relation.id)))}>
                {name(relation.subjectId)} <em>{relation.label}</em> {name(relation.objectId)}
              </AppLink>
              {relation.corroboration === 1 && <span className="tag tag--single">only this source</span>}
              {citation && (
                <AppLink
                  className="source-support__read"
                  href={readerHref(sourceId, citation, { kind: 'relation', id: relation.id })}
                  aria-label={`Read the quote for ${name(relation.subjectId)} ${relation.label} ${name(relation.objectId)}`}
                >
                  quote
                </AppLink>
              )}
            </li>
          );
        })}
      </ul>
      <h4>Claims</h4>
      <ul className="source-support__claims">
        {support.claims.map((claim) => {
          const citation = claim.citations.find((item) => item.source.id === sourceId);
          const text = `${name(claim.entity.id)} · ${attributeLabel(claim.attribute)}: ${claim.value}`;
          return (
            <li key={claim.id}>
              {citation ? (
                <AppLink href={readerHref(sourceId, citation, { kind: 'claim', id: claim.id })}>{text}</AppLink>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SourceCard({
  source,
  facts,
  added,
}: {
  source: SourceInfo;
  facts: SourceFactsFragment | undefined;
  added: { by: string; at: string } | undefined;
}) {
  const { data } = useLoadedGraph();
  const { href: graphLink } = useExplorerState();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const short = sourceShortName(source);
  const cited = data.relations.filter((relation) => relation.sourceIds.includes(source.id));
  const onlyHere = cited.filter((relation) => relation.corroboration === 1).length;
  const allIds = data.sources.map((item) => item.id);
  const counts: [string, number | undefined][] = [
    ['entities', facts?.entityCount],
    ['relations', facts?.relationCount],
    ['claims', facts?.claimCount],
    ['citations', facts?.citationCount],
  ];
  return (
    <li className="source-card">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="source-card__title">
          <AppLink href={readerHref(source.id)}>{source.title}</AppLink>
        </h2>
        <SourceFactsList source={source} />
        {facts?.note && <p className="note">{facts.note}</p>}
        {added && (
          <p className="source-card__added">
            Added by {added.by} on <time dateTime={added.at}>{new Date(added.at).toLocaleString()}</time>
          </p>
        )}
        <dl className="source-card__counts" aria-label={`What ${short} supports`}>
          {counts.map(([label, count]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{count ?? '…'}</dd>
            </div>
          ))}
        </dl>
        <p className="source-card__unique">
          {onlyHere} of its {cited.length} relations are supported by no other source.
        </p>
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

export function SourcesView() {
  const { data } = useLoadedGraph();
  const overview = useSourcesOverview();
  const additions = useSourceAdditions();
  const facts = new Map((overview.data?.sources ?? []).map((source) => [source.id, source]));
  return (
    <PageLayout title="Sources">
      <p className="page__lede">
        The {data.sources.length} articles the graph is built from. Every relation and claim cites one or more of them;
        read an article to see each cited sentence in place, or show only what it supports on the graph.
      </p>
      {/* Until the counts arrive, each card shows "…" in their place. */}
      <QueryState query={overview} action="load the sources’ counts" found={false} />
      <p>
        <AppLink href={routeHref({ view: 'curate' })}>Curate: add an article, and the history of changes</AppLink>
      </p>
      <ol className="source-cards" aria-label="Sources">
        {data.sources.map((source) => (
          <SourceCard key={source.id} source={source} facts={facts.get(source.id)} added={additions.get(source.id)} />
        ))}
      </ol>
    </PageLayout>
  );
}
