/**
 * The visible relations with their citations as CSV (RFC 4180): one row per citation, so
 * every row carries the verbatim quote that supports it. Relations without a citation get
 * one row with empty citation columns.
 */
import type { GraphData, RelationCitations } from '../graph-data';

export const RELATIONS_CSV_COLUMNS = [
  'relation_id',
  'subject_id',
  'subject',
  'relation_type',
  'relation',
  'object_id',
  'object',
  'directed',
  'corroboration',
  'source_id',
  'source_title',
  'publisher',
  'quote',
  'quote_start',
  'quote_end',
] as const;

export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `citations` holds those of the relations written (api/relation-citations.ts); a relation missing from it gets no citation rows. */
export function relationsCsv(data: GraphData, relationIds: Iterable<string>, citations: RelationCitations): string {
  const rows: string[] = [RELATIONS_CSV_COLUMNS.join(',')];
  const ids = [...relationIds].sort();
  for (const id of ids) {
    const relation = data.relationById.get(id);
    if (!relation) continue;
    const head = [
      relation.id,
      relation.subjectId,
      data.entityById.get(relation.subjectId)?.name ?? '',
      relation.type,
      relation.label,
      relation.objectId,
      data.entityById.get(relation.objectId)?.name ?? '',
      relation.directed,
      relation.corroboration,
    ];
    const cited = citations.get(id) ?? [];
    for (const citation of cited.length > 0 ? cited : [null]) {
      const source = citation ? data.sourceById.get(citation.sourceId) : undefined;
      const tail = citation
        ? [
            citation.sourceId,
            source?.title ?? '',
            source?.publisher ?? '',
            citation.quote,
            citation.start,
            citation.end,
          ]
        : ['', '', '', '', '', ''];
      rows.push([...head, ...tail].map(csvField).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}
