/** What `npm run bench:api` (api.ts) and its server processes (api-servers.ts) tell each other. */

export interface Scenario {
  name: string;
  /** What the bench promises for it, printed beside the figures. */
  goal: string;
  port: number;
  bodies: string[];
  answerBytes: number;
}

export interface ServersReady {
  rawPort: number;
  scenarios: Scenario[];
}

export const BENCH_GRAPHS = ['seed', 'synthetic'] as const;
export type BenchGraph = (typeof BENCH_GRAPHS)[number];
