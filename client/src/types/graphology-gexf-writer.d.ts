/**
 * The GEXF writer alone: graphology-gexf/browser also loads its parser, which needs
 * DOMParser at import time (absent in unit tests) and which the explorer never uses.
 */
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser';

  const writeGexf: typeof write;
  export default writeGexf;
}
