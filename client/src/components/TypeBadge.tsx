import { useLoadedGraph } from '../bindings/loaded-graph';

/** An entity type as a coloured dot and its label (colour matches the graph and legend). */
export function TypeBadge({ type, compact = false }: { type: string; compact?: boolean }) {
  const { data, colors } = useLoadedGraph();
  const label = data.entityTypes.find((entityType) => entityType.id === type)?.label ?? type;
  return (
    <span className="type-badge" title={compact ? label : undefined}>
      <span className="swatch" style={{ background: colors.get(type) ?? '#6b7280' }} aria-hidden="true" />
      {compact ? <span className="visually-hidden">{label}</span> : label}
    </span>
  );
}
