/**
 * The explorer's first requests go out from here: main.tsx imports this module first, and it
 * and what it imports (urql's core, the graph loader, the generated documents) render
 * nothing, so they are evaluated before React, sigma and the views are, and the requests are
 * on their way while those are (tens to hundreds of milliseconds on a busy machine).
 * client/vite.config.ts keeps them in a chunk of their own (a chunk shared with a component
 * would be evaluated after React), and the built page runs that chunk as a module script ahead
 * of the entry, so the graph's loading (and its render graph, graph-load.ts) need not wait for
 * React and the views to arrive.
 */
import { createApiClient } from './client';
import { beginGraphLoad } from './graph-load';

export const apiClient = createApiClient();
beginGraphLoad(apiClient);
