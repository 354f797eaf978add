/** An example query the server offers in the API explorer, with the sentence that introduces it. */
export interface ExampleQuery {
  title: string;
  query: string;
}

/** The examples embedded in the page as JSON; none when they are missing or unreadable. */
export function readExamples(json: string | null | undefined): ExampleQuery[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? parsed.filter(
          (item): item is ExampleQuery => typeof item?.title === 'string' && typeof item?.query === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
