/**
 * What the articles attribute to one person or body, for the entity panel: each quote with
 * what it supports, a page at a time (the list can grow with the data, so it is paged by the
 * API and asked for in steps).
 */
import { useId, useState } from 'react';

import { useEntityStatements } from '../../api/queries';
import { CitationQuote } from '../../components/CitationCard';
import { QueryState } from '../../components/QueryState';
import './statements.css';

/** How many statements one step shows; the API allows up to 500 in one page. */
const STEP = 20;
const MAX_SHOWN = 500;

export function StatementsSection({ entityId, name }: { entityId: string; name: string }) {
  const titleId = useId();
  const [first, setFirst] = useState(STEP);
  const query = useEntityStatements(entityId, first);
  const statements = query.data?.entity?.statements;
  if (query.error) return <QueryState query={query} action={`load what ${name} is quoted as saying`} found={false} />;
  if (!statements || statements.totalCount === 0) return null;
  return (
    <section className="panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Quoted as saying <span className="count">{statements.totalCount}</span>
      </h3>
      <ul className="statements" aria-label={`What ${name} is quoted as saying`}>
        {statements.edges.map(({ cursor, node }) => {
          const about = node.relation
            ? `${node.relation.subject.name} ${node.relation.label} ${node.relation.object.name}`
            : node.claim
              ? `${node.claim.attribute.replace(/_/g, ' ')}: ${node.claim.value}`
              : null;
          const supports = node.relation
            ? ({ kind: 'relation', id: node.relation.id } as const)
            : node.claim
              ? ({ kind: 'claim', id: node.claim.id } as const)
              : null;
          return (
            <li key={cursor} className="statement">
              <p className="statement__about">
                {about}
                <span className="statement__source"> · {node.source.publisher ?? node.source.title}</span>
                {node.hedge && (
                  <span className="tag tag--hedge" title={node.hedge.description}>
                    {node.hedge.label}
                  </span>
                )}
              </p>
              <CitationQuote citation={node} supports={supports} compact />
            </li>
          );
        })}
      </ul>
      {statements.edges.length < statements.totalCount && first < MAX_SHOWN && (
        <button
          type="button"
          className="secondary-button"
          onClick={() => setFirst((n) => Math.min(n + STEP, MAX_SHOWN))}
        >
          Show more ({statements.totalCount - statements.edges.length} not shown)
        </button>
      )}
    </section>
  );
}
