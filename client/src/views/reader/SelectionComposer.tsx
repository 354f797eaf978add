/**
 * Citing a selected passage (curator mode): "New relation", "New claim" or "Add as evidence
 * to…". The passage is sent as its offsets in the source's text; the server takes the quote
 * from the text. A speaker and a hedge are suggested when the passage holds a reporting word
 * or a hedge word. After the change the reader goes to the passage with what it now supports
 * opened; the change drops the cached answers (api/client.ts) and the graph is loaded again,
 * so the reader shows the new citation in place, without reloading the page.
 */
import { useState, type FormEvent } from 'react';

import { AddCitationDocument, AddClaimDocument, AddRelationDocument } from '../../api/generated/graphql';
import { useChangeSender, useCitableRecords, useCurationInfo } from '../../api/curation';
import { useGraphRefresh, useLoadedGraph } from '../../bindings/loaded-graph';
import { useNavigation } from '../../bindings/use-navigation';
import { EntityCombobox } from '../../components/EntityCombobox';
import { slugOf, suggestVoice } from '../../core/curation';
import { readerHref } from '../../core/routing';

export interface PassageSelection {
  sourceId: string;
  start: number;
  end: number;
  quote: string;
}

type Mode = 'relation' | 'claim' | 'evidence';

interface EntityChoice {
  /** An existing entity, or a new one made in the same change. */
  id: string;
  name: string;
  draft?: { type: string; description: string };
}

export function SelectionComposer({
  selection,
  csrfToken,
  onClose,
}: {
  selection: PassageSelection;
  csrfToken: string | null;
  /** Called on Cancel, and after a save. */
  onClose: () => void;
}) {
  const { data } = useLoadedGraph();
  const info = useCurationInfo();
  const send = useChangeSender(csrfToken);
  const refreshGraph = useGraphRefresh();
  const { navigate } = useNavigation();
  const [mode, setMode] = useState<Mode | null>(null);
  const [subject, setSubject] = useState<EntityChoice | null>(null);
  const [object, setObject] = useState<EntityChoice | null>(null);
  /** The claim's entity, or (adding evidence) the entity whose relations and claims are offered. */
  const [claimEntity, setClaimEntity] = useState<EntityChoice | null>(null);
  const [speaker, setSpeaker] = useState<EntityChoice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const vocabulary = info.data?.curationVocabulary;
  const voice = suggestVoice(selection.quote, vocabulary?.hedges ?? [], vocabulary?.reportingCues ?? []);
  const [relationType, setRelationType] = useState(data.relationTypes[0]?.id ?? '');
  const typeLabel = data.relationTypes.find((type) => type.id === relationType)?.label ?? relationType;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const baseVersion = info.data?.dataVersion ?? '';
    const citation = {
      source: selection.sourceId,
      start: selection.start,
      end: selection.end,
      quote: selection.quote,
      attributedToEntity: speaker && !speaker.draft ? speaker.id : null,
      attributedToDescribed: speaker ? null : field('describedSpeaker') || null,
      hedge: field('hedge') || null,
    };
    const drafts = (choices: (EntityChoice | null)[]) =>
      choices
        .filter((choice): choice is EntityChoice => !!choice?.draft)
        .map((choice) => ({ id: choice.id, name: choice.name, ...choice.draft! }));
    setSaving(true);
    setProblem(null);
    try {
      let added: string[] = [];
      if (mode === 'relation') {
        if (!subject || !object) throw new Error('Choose or create the subject and the object.');
        const answer = await send(AddRelationDocument, {
          baseVersion,
          newEntities: drafts([subject, object]),
          relation: { subject: subject.id, type: relationType, object: object.id, citations: [citation] },
        });
        added = answer.addRelation.change.added;
      } else if (mode === 'claim') {
        if (!claimEntity) throw new Error('Choose the entity the claim is about.');
        if (claimEntity.draft) throw new Error('A claim is about an existing entity.');
        const answer = await send(AddClaimDocument, {
          baseVersion,
          claim: {
            entity: claimEntity.id,
            attribute: field('attribute'),
            value: field('value'),
            citations: [citation],
          },
        });
        added = answer.addClaim.change.added;
      } else if (mode === 'evidence') {
        const ref = field('target');
        if (!ref) throw new Error('Choose an entity, then the relation or claim the passage supports.');
        const [kind, id] = ref.split(/:(.*)/s) as [string, string];
        await send(AddCitationDocument, { baseVersion, target: kind === 'claim' ? 'CLAIM' : 'RELATION', id, citation });
        added = [ref];
      }
      const ref = added.find((item) => item.startsWith('relation:') || item.startsWith('claim:'));
      const open = ref
        ? {
            kind: ref.startsWith('relation:') ? ('relation' as const) : ('claim' as const),
            id: ref.split(/:(.*)/s)[1]!,
          }
        : null;
      refreshGraph();
      navigate(readerHref(selection.sourceId, { start: selection.start, end: selection.end }, open), { replace: true });
      onClose();
    } catch (error) {
      setProblem((error as Error).message);
      setSaving(false);
    }
  };

  return (
    <section className="panel panel--inline composer" aria-label="Cite the selected passage">
      <p className="panel__kicker">Selected passage</p>
      <blockquote className="composer__quote">{selection.quote}</blockquote>
      <div role="group" aria-label="Cite it as" className="composer__modes">
        <button type="button" aria-pressed={mode === 'relation'} onClick={() => setMode('relation')}>
          New relation
        </button>
        <button type="button" aria-pressed={mode === 'claim'} onClick={() => setMode('claim')}>
          New claim
        </button>
        <button type="button" aria-pressed={mode === 'evidence'} onClick={() => setMode('evidence')}>
          Add as evidence to…
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {mode && (
        <form className="curate__form" aria-label="Citation" onSubmit={(event) => void submit(event)}>
          {mode === 'relation' && (
            <>
              <EntityField label="Subject" choice={subject} onChange={setSubject} />
              <label>
                Relation type
                <select name="type" value={relationType} onChange={(event) => setRelationType(event.target.value)}>
                  {data.relationTypes.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.label}
                    </option>
                  ))}
                </select>
              </label>
              <EntityField label="Object" choice={object} onChange={setObject} />
            </>
          )}
          {mode === 'claim' && (
            <>
              <EntityField label="Entity" choice={claimEntity} onChange={setClaimEntity} allowNew={false} />
              <label>
                Attribute
                <select name="attribute">
                  {(vocabulary?.claimAttributes ?? []).map((attribute) => (
                    <option key={attribute.id} value={attribute.id}>
                      {attribute.label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Value, as the source words it <input name="value" required maxLength={300} />
              </label>
            </>
          )}
          {mode === 'evidence' && (
            <>
              {/* The entity first: a list of every relation would not do for a large graph. */}
              <EntityField
                label="Relation or claim of"
                choice={claimEntity}
                onChange={setClaimEntity}
                allowNew={false}
              />
              {claimEntity && <CitableRecordField entityId={claimEntity.id} />}
            </>
          )}
          {voice.reportingCue && (
            <p className="note">The passage reports someone’s words (“{voice.reportingCue}”): name the speaker.</p>
          )}
          <EntityField label="Speaker" choice={speaker} onChange={setSpeaker} allowNew={false} optional />
          {!speaker && (
            <label>
              Speaker in the article’s words (when not an entity) <input name="describedSpeaker" maxLength={300} />
            </label>
          )}
          <label>
            Hedge
            <select name="hedge" defaultValue={voice.hedge?.id ?? ''} key={voice.hedge?.id ?? 'none'}>
              <option value="">none</option>
              {(vocabulary?.hedges ?? []).map((hedge) => (
                <option key={hedge.id} value={hedge.id}>
                  {hedge.label}
                </option>
              ))}
            </select>
          </label>
          {voice.hedge && <p className="note">The passage hedges it (“{voice.hedge.cue}”).</p>}
          {mode === 'relation' && (
            <p aria-label="Preview" className="composer__preview">
              {subject?.name ?? '…'} — {typeLabel} → {object?.name ?? '…'}
            </p>
          )}
          <button type="submit" className="primary-button" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          {problem && <p role="alert">{problem}</p>}
        </form>
      )}
    </section>
  );
}

/** The relations and claims of an entity, as the target of new evidence. */
function CitableRecordField({ entityId }: { entityId: string }) {
  const records = useCitableRecords(entityId);
  const attributes = useCurationInfo().data?.curationVocabulary.claimAttributes ?? [];
  const attributeLabel = (id: string) => attributes.find((attribute) => attribute.id === id)?.label ?? id;
  const entity = records.data?.entity;
  if (!entity)
    return <p className="hint">{records.error ? records.error.message : 'Loading its relations and claims…'}</p>;
  const relations = entity.relations.edges.map((edge) => edge.node);
  const claims = entity.claims.edges.map((edge) => edge.node);
  if (relations.length === 0 && claims.length === 0) {
    return <p className="note">{entity.name} has no relation or claim yet: cite the passage as a new one.</p>;
  }
  return (
    <>
      <label>
        Relation or claim
        <select name="target" required>
          {relations.length > 0 && (
            <optgroup label="Relations">
              {relations.map((relation) => (
                <option key={relation.id} value={`relation:${relation.id}`}>
                  {relation.subject.name} — {relation.label} — {relation.object.name}
                </option>
              ))}
            </optgroup>
          )}
          {claims.length > 0 && (
            <optgroup label="Claims">
              {claims.map((claim) => (
                <option key={claim.id} value={`claim:${claim.id}`}>
                  {entity.name}: {attributeLabel(claim.attribute)} — {claim.value}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {(entity.relations.totalCount > relations.length || entity.claims.totalCount > claims.length) && (
        <p className="hint">
          Offered: {relations.length} of its {entity.relations.totalCount} relations (the best supported) and{' '}
          {claims.length} of its {entity.claims.totalCount} claims.
        </p>
      )}
    </>
  );
}

/** An entity picked by search, or (where allowed) a new one with its type and description. */
function EntityField({
  label,
  choice,
  onChange,
  allowNew = true,
  optional = false,
}: {
  label: string;
  choice: EntityChoice | null;
  onChange: (choice: EntityChoice | null) => void;
  allowNew?: boolean;
  optional?: boolean;
}) {
  const { data } = useLoadedGraph();
  const [creating, setCreating] = useState(false);
  if (creating) {
    const update = (name: string, type: string, description: string) =>
      // The id is sent explicitly, so the reader can open the new entity's relation at once.
      onChange(name ? { id: slugOf(name), name, draft: { type, description } } : null);
    const draft = choice?.draft;
    return (
      <fieldset>
        <legend>{label}: new entity</legend>
        <label>
          Name
          <input
            aria-label={`${label} name`}
            value={choice?.name ?? ''}
            onChange={(event) =>
              update(event.target.value, draft?.type ?? data.entityTypes[0]?.id ?? '', draft?.description ?? '')
            }
          />
        </label>
        <label>
          Type
          <select
            aria-label={`${label} type`}
            value={draft?.type ?? data.entityTypes[0]?.id ?? ''}
            onChange={(event) => update(choice?.name ?? '', event.target.value, draft?.description ?? '')}
          >
            {data.entityTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Description
          <input
            aria-label={`${label} description`}
            value={draft?.description ?? ''}
            onChange={(event) =>
              update(choice?.name ?? '', draft?.type ?? data.entityTypes[0]?.id ?? '', event.target.value)
            }
          />
        </label>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCreating(false);
            onChange(null);
          }}
        >
          Pick an existing entity instead
        </button>
      </fieldset>
    );
  }
  return (
    <div className="composer__entity">
      <EntityCombobox
        label={optional ? `${label} (optional)` : label}
        value={choice?.name ?? ''}
        onChoose={(hit) => onChange({ id: hit.id, name: hit.name })}
      />
      {allowNew && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCreating(true);
            onChange(null);
          }}
        >
          Create a new entity as {label.toLowerCase()}
        </button>
      )}
      {optional && choice && (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          No {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}
