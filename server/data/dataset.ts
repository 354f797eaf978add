/**
 * The dataset's own name: `dataset.yaml` in graph-data gives the title and description the
 * explorer shows (header, page title), so the UI never names a particular graph itself.
 * The file is optional; without it the dataset is called by DEFAULT_DATASET's title.
 */
import { z } from 'zod';

export const DATASET_FILE = 'dataset.yaml';

export const datasetSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters: it heads the page'),
  description: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2,000 characters')
    .nullish()
    .transform((value) => value ?? null),
});

export interface DatasetRecord {
  title: string;
  /** A sentence or two on what the graph holds and where it comes from; null when not given. */
  description: string | null;
}

export const DEFAULT_DATASET: DatasetRecord = { title: 'Knowledge graph', description: null };
