/**
 * The list panel: every visible entity and relation, as keyboard-navigable listboxes. It is
 * the accessible mirror of the canvas and follows the same selection.
 */
import { useMemo } from 'react';

import { useLoadedGraph } from '../../bindings/loaded-graph';
import { KeyboardList } from '../../components/KeyboardList';
import { TypeBadge } from '../../components/TypeBadge';
import type { Visibility } from '../../core/filters';
import type { EntityNode, RelationEdge } from '../../core/graph-data';
import type { Selection } from '../../core/selection';
import './list-panel.css';

interface ListPanelProps {
  visibility: Visibility;
  selection: Selection;
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
}

export function ListPanel({ visibility, selection, onSelectEntity, onSelectRelation }: ListPanelProps) {
  const { data } = useLoadedGraph();
  const name = (id: string) => data.entityById.get(id)?.name ?? id;

  const entities = useMemo(
    () =>
      data.entities.filter((entity) => visibility.entities.has(entity.id)).sort((a, b) => a.name.localeCompare(b.name)),
    [data, visibility],
  );
  const relations = useMemo(() => {
    const nameOf = (id: string) => data.entityById.get(id)?.name ?? id;
    return data.relations
      .filter((relation) => visibility.relations.has(relation.id))
      .sort(
        (a, b) =>
          nameOf(a.subjectId).localeCompare(nameOf(b.subjectId)) ||
          a.label.localeCompare(b.label) ||
          nameOf(a.objectId).localeCompare(nameOf(b.objectId)),
      );
  }, [data, visibility]);

  return (
    <div className="list-view">
      <h3 className="list-view__title" id="list-entities-title">
        Entities <span className="count">{entities.length}</span>
      </h3>
      <KeyboardList<EntityNode>
        label="Visible entities"
        items={entities}
        getKey={(entity) => entity.id}
        selectedKey={selection?.kind === 'entity' ? selection.id : null}
        onChoose={(entity) => onSelectEntity(entity.id)}
        emptyText="No entity is visible with these filters."
        renderItem={(entity) => (
          <>
            <TypeBadge type={entity.type} compact />
            <span className="keyboard-list__main">{entity.name}</span>
            <span className="keyboard-list__meta">
              {entity.degree} {entity.degree === 1 ? 'relation' : 'relations'}
            </span>
          </>
        )}
      />
      <h3 className="list-view__title" id="list-relations-title">
        Relations <span className="count">{relations.length}</span>
      </h3>
      <KeyboardList<RelationEdge>
        label="Visible relations"
        items={relations}
        getKey={(relation) => relation.id}
        selectedKey={selection?.kind === 'relation' ? selection.id : null}
        onChoose={(relation) => onSelectRelation(relation.id)}
        emptyText="No relation is visible with these filters."
        renderItem={(relation) => (
          <>
            <span className="keyboard-list__main">
              {name(relation.subjectId)} <em>{relation.label}</em> {name(relation.objectId)}
            </span>
            <span className="keyboard-list__meta">
              {relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'}
            </span>
          </>
        )}
      />
    </div>
  );
}
