/**
 * The shape of each graph-data record, checked before anything is cross-referenced.
 * Records are strict: an unknown field (a typo such as `qoute`) is an error, not ignored.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, "-" or "_")');
const entitySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9 and "-")');
const text = z.string().trim().min(1, 'must not be empty');
const optionalText = text.nullish().transform((value) => value ?? null);

/**
 * A record (source, entity, relation, claim) or a citation taken back by a curator: it stays in
 * its file, validated like any other, but the loader leaves it out of the graph.
 */
export const retirementSchema = z.strictObject({
  at: z.string(),
  by: text,
  change: z.number().int().positive(),
  reason: text,
});

/** The checks of attribution.ts a curator can silence on one citation, each with a reason. */
export const VOICE_CHECKS = ['unattributed-report', 'unmarked-hedge', 'bare-quote'] as const;
export type VoiceCheck = (typeof VOICE_CHECKS)[number];

/** Who an article attributes a statement to: an entity id, or a speaker the article only describes. */
export const attributionSchema = z.union([entitySlug, z.strictObject({ described: text })]);

export const citationSchema = z.strictObject({
  source: slug,
  quote: z.string().min(1, 'must not be empty'),
  occurrence: z.number().int().positive().optional(),
  attributedTo: attributionSchema.optional(),
  hedge: slug.optional(),
  // A silenced check needs a reason a reviewer can judge: a few words, not "ok".
  silence: z
    .partialRecord(
      z.enum(VOICE_CHECKS),
      z.string().trim().min(20, 'give the reason in words (at least 20 characters): why the check is wrong here'),
    )
    .optional(),
  retired: retirementSchema.optional(),
});

/**
 * A date statement (see time.ts): `at` for when something happened, or `start`/`end` for when
 * it held, as ISO text of year, month or day precision (checked in time.ts, which names the problem).
 * YAML could read an unquoted 2021-08-26 as a date: the curator guide asks for quotes.
 */
const isoDateText = z.string({ error: "must be an ISO date in quotes, such as '2015-01'" });
export const timeStatementSchema = z.strictObject({
  at: isoDateText.optional(),
  start: isoDateText.optional(),
  end: isoDateText.optional(),
  citations: z.array(citationSchema).min(1, 'a date needs at least one citation'),
  inferred: z.boolean().optional(),
  relative: text.optional(),
  note: text.optional(),
});
const timeSchema = z.array(timeStatementSchema).optional();

/** What dates a source: the quotes that give its date, and whether (and how) it is inferred. */
export const publishedEvidenceSchema = z.strictObject({
  citations: z.array(citationSchema).min(1, 'a publication date needs at least one citation'),
  inferred: z.boolean().optional(),
  note: text.optional(),
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: optionalText,
  author: optionalText,
  published: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be an ISO date (YYYY-MM-DD or YYYY-MM)')
    .nullish()
    .transform((value) => value ?? null),
  publishedEvidence: publishedEvidenceSchema.optional(),
  kind: slug,
  file: z.string().regex(/^sources\/[^/]+\.txt$/, 'must name a file in sources/, such as sources/my-article.txt'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the text file, 64 lowercase hex digits'),
  url: z.url().optional(),
  note: optionalText,
  retired: retirementSchema.optional(),
});

export const entityTypeSchema = z.strictObject({ id: slug, label: text, description: text });

export const relationTypeSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:_[a-z]+)*$/, 'must be snake_case, such as enemy_of'),
  label: text,
  directed: z.boolean(),
  description: text,
});

export const claimAttributeSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:_[a-z0-9]+)*$/, 'must be snake_case, such as fighter_strength'),
  label: text,
  comparable: z.boolean(),
  description: text,
});

export const hedgeSchema = z.strictObject({
  id: slug,
  label: text,
  description: text,
  cues: z.array(text).min(1, 'list the words that signal this hedge'),
});

export const vocabularySchema = z.strictObject({
  entityTypes: z.array(z.unknown()).min(1, 'must list at least one entity type'),
  relationTypes: z.array(z.unknown()).min(1, 'must list at least one relation type'),
  claimAttributes: z.array(z.unknown()),
  hedges: z.array(z.unknown()).optional(),
  reportingCues: z.array(text).optional(),
});

export const entitySchema = z.strictObject({
  id: entitySlug,
  type: slug,
  name: text,
  aliases: z.array(text).default([]),
  description: text,
  time: timeSchema,
  retired: retirementSchema.optional(),
});

export const relationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:(?:-|--|_)[a-z0-9]+)*$/, 'must be a lowercase id (a-z, 0-9, "-", "_")'),
  subject: entitySlug,
  type: z.string().min(1),
  object: entitySlug,
  note: optionalText,
  citations: z.array(citationSchema).min(1, 'a relation needs at least one citation'),
  retired: retirementSchema.optional(),
  time: timeSchema,
});

export const claimSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:(?:-|--|_)[a-z0-9]+)*$/, 'must be a lowercase id (a-z, 0-9, "-", "_")'),
  entity: entitySlug,
  attribute: z.string().regex(/^[a-z]+(?:_[a-z0-9]+)*$/, 'must be snake_case, such as fighter_strength'),
  // YAML reads `value: 2015` as a number; a claim's value is the source's wording, so keep it as text.
  value: z.union([text, z.number().transform(String)]),
  normalized: z
    .union([text, z.number().transform(String)])
    .nullish()
    .transform((value) => value ?? null),
  note: optionalText,
  citations: z.array(citationSchema).min(1, 'a claim needs at least one citation'),
  retired: retirementSchema.optional(),
});

export type TimeStatementInput = z.infer<typeof timeStatementSchema>;
export type PublishedEvidenceInput = z.infer<typeof publishedEvidenceSchema>;
export type CitationInput = z.infer<typeof citationSchema>;
export type AttributionInput = z.infer<typeof attributionSchema>;
export type HedgeInput = z.infer<typeof hedgeSchema>;
export type SourceInput = z.infer<typeof sourceSchema>;
export type EntityTypeInput = z.infer<typeof entityTypeSchema>;
export type RelationTypeInput = z.infer<typeof relationTypeSchema>;
export type ClaimAttributeInput = z.infer<typeof claimAttributeSchema>;
export type EntityInput = z.infer<typeof entitySchema>;
export type RelationInput = z.infer<typeof relationSchema>;
export type ClaimInput = z.infer<typeof claimSchema>;
