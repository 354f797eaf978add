import { createContext, useContext } from 'react';
import type Sigma from 'sigma';

import type { RenderEdgeAttributes, RenderNodeAttributes } from '../../../core/graph-building';

export type ExplorerSigma = Sigma<RenderNodeAttributes, RenderEdgeAttributes>;

export const SigmaContext = createContext<ExplorerSigma | null>(null);

/** The sigma instance of the enclosing GraphCanvas. */
export function useSigma(): ExplorerSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error('useSigma must be used inside <GraphCanvas>, once sigma is created.');
  return sigma;
}
