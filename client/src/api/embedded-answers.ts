/**
 * Answers the page came with (server/api/opening-answers.ts): the page's list of opening
 * requests and, when the server had them at hand, their answers in the same order. Each is
 * taken once, by the first load of the graph: a later load (a retry, a refresh after a
 * curator's change) asks the API.
 */
let embedded: Map<string, unknown> | null = null;

function readPage(): Map<string, unknown> {
  const answers = new Map<string, unknown>();
  if (typeof document === 'undefined') return answers;
  const requests = document.getElementById('opening-requests')?.textContent;
  const answered = document.getElementById('opening-answers')?.textContent;
  if (!requests || !answered) return answers;
  try {
    const bodies: unknown = JSON.parse(requests);
    const results: unknown = JSON.parse(answered);
    if (!Array.isArray(bodies) || !Array.isArray(results) || bodies.length !== results.length) return answers;
    bodies.forEach((body, index) => {
      const result: unknown = results[index];
      // Only complete answers are sent; anything else is asked again.
      if (typeof body === 'string' && typeof result === 'object' && result && 'data' in result && !('errors' in result))
        answers.set(body, result.data);
    });
  } catch {
    // A page that cannot be read costs the round trips it would have saved, nothing more.
  }
  return answers;
}

/** The data the page came with for this request body, once; undefined when it has none. */
export function takeEmbeddedAnswer(body: string): unknown {
  embedded ??= readPage();
  const data = embedded.get(body);
  embedded.delete(body);
  return data;
}
