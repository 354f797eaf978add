/**
 * The source reader: one article in full, the cited span the URL names highlighted and
 * scrolled into view, every other cited span marked. Beside the text, what the current
 * span supports, with the evidence of the relation or claim it opens. Previous / next
 * citation by buttons or keys (n / p, j / k), announced in a live region. Steps inside the
 * reader replace the history entry, so Back returns to where the reader was opened from.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';

import { useCuratorSession } from '../../api/curation';
import { useSourceReader } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { useNavigation } from '../../bindings/use-navigation';
import { AppLink } from '../../components/AppLink';
import { BackLink } from '../../components/BackLink';
import { EvidencePanel } from '../../components/EvidencePanel';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { SourceFactsList } from '../../components/SourceFacts';
import { CorroborationPips } from '../../components/SourceList';
import { SourceText } from '../../components/SourceText';
import { setCompareSource } from '../../core/comparison';
import { on } from '../../core/explorer-state';
import { onlyFilterValue } from '../../core/filters';
import { readerHref, routeHref, type ReaderItem, type Route } from '../../core/routing';
import { selectEntity, selectRelation } from '../../core/selection';
import {
  announceSpan,
  citationStepForKey,
  describeItem,
  firstSpanOf,
  itemsOfSpan,
  sameItem,
  toReaderItem,
  type ReaderSpan,
  type SupportedItem,
} from '../../core/source-reader';
import { entityMentions } from '../../core/curation';
import { citedSpans, formatSpan, sameSpan, stepSpan } from '../../core/source-text';
import { ClaimPanel } from './ClaimPanel';
import { type PassageSelection, SelectionComposer } from './SelectionComposer';
import './reader.css';

type ReaderRoute = Extract<Route, { view: 'reader' }>;

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function SourceReaderView({ route }: { route: ReaderRoute }) {
  const { data } = useLoadedGraph();
  const { navigate } = useNavigation();
  const { href: graphLink } = useExplorerState();
  const { reader, citations } = useSourceReader(route.sourceId);
  const source = reader.data?.source ?? null;
  const [announcement, setAnnouncement] = useState('');
  const { session } = useCuratorSession();
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  // For a curator, every name of a known entity in the text is underlined as a suggestion.
  const sourceText = reader.data?.source?.text ?? null;
  const suggestions = useMemo(
    () =>
      session?.curator && sourceText
        ? entityMentions(sourceText, data.entities).map((mention) => ({
            ...mention,
            title: `Known entity: ${mention.name}`,
          }))
        : [],
    [session?.curator, sourceText, data.entities],
  );

  const spans = useMemo<ReaderSpan[]>(() => citedSpans(citations.nodes), [citations.nodes]);
  const spanTitles = useMemo(() => spans.map((span) => itemsOfSpan(span).map(describeItem).join('; ')), [spans]);

  // The current span: the one the URL names, else the first that supports the item it names.
  const namedIndex = route.span ? spans.findIndex((span) => sameSpan(span, route.span)) : -1;
  const itemIndex = namedIndex < 0 && !route.span && route.open ? firstSpanOf(spans, route.open) : -1;
  const current = namedIndex >= 0 ? namedIndex : itemIndex >= 0 ? itemIndex : null;
  const currentSpan = current === null ? null : (spans[current] ?? null);
  const items = useMemo(() => itemsOfSpan(currentSpan), [currentSpan]);
  const open: ReaderItem | null = route.open ?? (items[0] ? toReaderItem(items[0]) : null);

  const goTo = useCallback(
    (index: number | null, announce: boolean) => {
      if (!source || index === null) return;
      const span = spans[index];
      if (!span) return;
      const first = itemsOfSpan(span)[0];
      navigate(readerHref(source.id, span, first ? toReaderItem(first) : null), { replace: true });
      if (announce) setAnnouncement(announceSpan(index, spans.length, span, source.text.slice(span.start, span.end)));
    },
    [navigate, source, spans],
  );
  const step = useCallback(
    (delta: 1 | -1) => {
      const next = stepSpan(spans.length, current, delta);
      if (next === current) {
        setAnnouncement(delta > 0 ? 'This is the last citation.' : 'This is the first citation.');
        return;
      }
      goTo(next, true);
    },
    [current, goTo, spans.length],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const delta = citationStepForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTyping(event.target),
      });
      if (delta === null) return;
      event.preventDefault();
      step(delta);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [step]);

  const openItem = (item: ReaderItem) => {
    if (!source) return;
    navigate(readerHref(source.id, currentSpan, item), { replace: true });
  };

  const known = data.sourceById.get(route.sourceId);
  const title = source?.title ?? known?.title ?? (reader.data && !reader.fetching ? 'Source not found' : 'Source');
  const unknownSpan = Boolean(source && route.span && namedIndex < 0);
  const position =
    currentSpan && source ? { sourceId: source.id, start: currentSpan.start, end: currentSpan.end } : null;
  const claimEntity = (item: ReaderItem) =>
    citations.nodes.find((citation) => citation.claim?.id === item.id)?.claim?.entity.id ?? '';
  const showOnGraph = (item: ReaderItem) =>
    graphLink(on('selection', item.kind === 'relation' ? selectRelation(item.id) : selectEntity(claimEntity(item))));

  return (
    <PageLayout className="reader-page" title={title} before={<BackLink />}>
      <QueryState
        query={reader}
        action={`load the source “${route.sourceId}”`}
        found={source !== null}
        loading="Loading the source…"
        missing={
          <>
            The API has no source with the id “{route.sourceId}”. The{' '}
            <AppLink href={routeHref({ view: 'sources' })}>sources page</AppLink> lists the {data.stats.sourceCount}{' '}
            there are.
          </>
        }
      />
      {source && (
        <QueryState
          query={citations}
          action="load the citations of the source"
          found={citations.totalCount !== null && !citations.hasMore}
          loading="Loading its citations…"
        />
      )}
      {source && citations.hasMore && (
        <p className="loading-note">
          {citations.moreError
            ? `Could not load every citation: ${citations.moreError.message}`
            : `Loading its citations: ${citations.nodes.length} of ${citations.totalCount}…`}
        </p>
      )}

      {source && (
        <div className="reader">
          <section className="reader__about" aria-label="About the source">
            <SourceFactsList source={source} />
            {source.note && <p className="note">Curator’s note: {source.note}</p>}
            <p className="reader__actions">
              <AppLink
                className="secondary-button"
                href={graphLink(
                  on(
                    'filters',
                    onlyFilterValue(
                      'sources',
                      source.id,
                      data.sources.map((item) => item.id),
                    ),
                  ),
                )}
              >
                Show its subgraph on the graph
              </AppLink>
              <AppLink className="secondary-button" href={graphLink(on('compare', setCompareSource('a', source.id)))}>
                Compare with another source
              </AppLink>
            </p>
          </section>

          <section
            className="reader__text"
            aria-label="Text of the source"
            onMouseUp={(event) => session?.curator && setSelection(selectedPassage(event.currentTarget, source.id))}
            onKeyUp={(event) => session?.curator && setSelection(selectedPassage(event.currentTarget, source.id))}
          >
            {unknownSpan && route.span && (
              <p className="note note--warning">
                The link points at characters {formatSpan(route.span)}, which no citation of this source covers: the
                text is shown from the top. Use “Next citation” to step through its {spans.length} cited passages.
              </p>
            )}
            <SourceText
              text={source.text}
              spans={spans}
              spanTitles={spanTitles}
              current={current}
              currentLabel={current === null ? '' : `Cited passage ${current + 1} of ${spans.length}`}
              onChooseSpan={(index) => goTo(index, true)}
              suggestions={suggestions}
            />
          </section>

          <aside className="reader__side" aria-label="Citation">
            {session?.curator && selection && (
              <SelectionComposer
                key={`${selection.start}-${selection.end}`}
                selection={selection}
                csrfToken={session.csrfToken}
                onClose={() => setSelection(null)}
              />
            )}
            <div className="reader__stepper">
              <p className="reader__position">
                {current === null ? (
                  `${spans.length} cited passages`
                ) : (
                  <>
                    Citation <strong>{current + 1}</strong> of {spans.length}
                  </>
                )}
              </p>
              <div className="reader__step-buttons">
                <button
                  type="button"
                  className="secondary-button"
                  aria-label="Previous citation"
                  aria-keyshortcuts="p k"
                  disabled={spans.length === 0 || current === 0}
                  onClick={() => step(-1)}
                >
                  <span aria-hidden="true">↑ Previous</span>
                  <span className="reader__step-word" aria-hidden="true">
                    {' '}
                    citation
                  </span>
                </button>
                <button
                  type="button"
                  className="secondary-button"
                  aria-label="Next citation"
                  aria-keyshortcuts="n j"
                  disabled={spans.length === 0 || current === spans.length - 1}
                  onClick={() => step(1)}
                >
                  <span aria-hidden="true">↓ Next</span>
                  <span className="reader__step-word" aria-hidden="true">
                    {' '}
                    citation
                  </span>
                </button>
              </div>
              <p className="hint">
                Keys: <kbd>n</kbd> / <kbd>p</kbd> (or <kbd>j</kbd> / <kbd>k</kbd>). Click any marked passage to open it.
              </p>
              {currentSpan && (
                <button
                  type="button"
                  className="link-button reader__jump"
                  onClick={() => document.getElementById('reader-supports-title')?.scrollIntoView({ block: 'start' })}
                >
                  What this passage supports ↓
                </button>
              )}
              <p className="visually-hidden" aria-live="polite" aria-atomic="true">
                {announcement}
              </p>
            </div>

            {currentSpan ? (
              <SupportsList items={items} open={open} onOpen={openItem} />
            ) : (
              <p className="empty-note">
                Marked passages are the sentences the graph cites. Press <kbd>n</kbd> or “Next citation” for the first.
              </p>
            )}

            {open?.kind === 'relation' && (
              <EvidencePanel
                key={`relation-${open.id}`}
                relationId={open.id}
                hiddenReason={null}
                headingLevel={3}
                current={position}
                onSelectEntity={(id) => navigate(graphLink(on('selection', selectEntity(id))))}
                actions={
                  <p>
                    <AppLink className="secondary-button" href={showOnGraph(open)}>
                      Show on the graph
                    </AppLink>
                  </p>
                }
              />
            )}
            {open?.kind === 'claim' && (
              <ClaimPanel
                key={`claim-${open.id}`}
                claimId={open.id}
                entityId={claimEntity(open)}
                current={position}
                graphHref={showOnGraph(open)}
              />
            )}
          </aside>
        </div>
      )}
    </PageLayout>
  );
}

/**
 * The passage selected inside the source's text, as offsets into the text: the text is
 * rendered whole (marks only wrap it), so the characters before the selection's start in
 * the text element are its offset. Null when nothing (or something outside the text) is
 * selected.
 */
function selectedPassage(section: HTMLElement, sourceId: string): PassageSelection | null {
  const text = section.querySelector('.source-text');
  const chosen = window.getSelection();
  if (!text || !chosen || chosen.rangeCount === 0 || chosen.isCollapsed) return null;
  const range = chosen.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(text);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  // A selection by mouse often takes a blank at either end: the quote starts and ends on a character.
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim();
  if (quote.length === 0) return null;
  const start = before.toString().length + lead;
  return { sourceId, start, end: start + quote.length, quote };
}

function SupportsList({
  items,
  open,
  onOpen,
}: {
  items: readonly SupportedItem[];
  open: ReaderItem | null;
  onOpen: (item: ReaderItem) => void;
}) {
  const { data } = useLoadedGraph();
  return (
    <section className="reader__supports" aria-labelledby="reader-supports-title">
      <h2 id="reader-supports-title" className="reader__supports-title">
        This passage supports <span className="count">{items.length}</span>
      </h2>
      <ul className="supports">
        {items.map((item) => {
          const pressed = sameItem(open, toReaderItem(item));
          return (
            <li key={`${item.kind}-${item.id}`}>
              <button
                type="button"
                className="supports__item"
                aria-pressed={pressed}
                onClick={() => onOpen(toReaderItem(item))}
              >
                <span className="supports__kind">{item.kind === 'relation' ? 'Relation' : 'Claim'}</span>
                <span className="supports__text">{describeItem(item)}</span>
                {item.kind === 'relation' && (
                  <>
                    <CorroborationPips count={item.relation.corroboration} total={data.stats.sourceCount} />
                    <span className="visually-hidden">
                      , {item.relation.corroboration} {item.relation.corroboration === 1 ? 'source' : 'sources'}
                    </span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
