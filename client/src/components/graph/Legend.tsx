/** What colours, sizes and strokes mean. Counts are of visible entities per type. */
import type { EntityTypeInfo } from '../../core/graph-data';

interface LegendProps {
  entityTypes: readonly EntityTypeInfo[];
  colors: ReadonlyMap<string, string>;
  visibleCountByType: ReadonlyMap<string, number>;
}

export function Legend({ entityTypes, colors, visibleCountByType }: LegendProps) {
  const shown = entityTypes.filter((type) => type.count > 0);
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend__types">
        {shown.map((type) => (
          <li key={type.id} title={type.description}>
            <span className="swatch" style={{ background: colors.get(type.id) }} aria-hidden="true" />
            {type.label}
            <span className="legend__count">{visibleCountByType.get(type.id) ?? 0}</span>
          </li>
        ))}
      </ul>
      <p className="legend__key">
        <span aria-hidden="true">→</span> directed · <span aria-hidden="true">—</span> symmetric · thicker = more
        sources · size = relations
      </p>
    </section>
  );
}
