/** A SourceRecord for graphs built in memory by tests and the benchmark: a text and nothing stated about it. */
import { createHash } from 'node:crypto';

import type { SourceRecord } from '../../server/data/model';

export function sourceRecord(id: string, text: string, title = id): SourceRecord {
  return {
    id,
    title,
    publisher: null,
    author: null,
    published: null,
    publishedEvidence: null,
    kind: 'news_article',
    note: null,
    file: `${id}.txt`,
    sha256: createHash('sha256').update(text).digest('hex'),
    text,
  };
}
