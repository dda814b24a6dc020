import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';
import type { SubgraphDefinition } from '@xgz/kit';

/** The four subgraphs in a stable order (composition, start-up, checks). */
export const subgraphs: readonly SubgraphDefinition<unknown>[] = [
  registrySubgraph,
  organizationsSubgraph,
  marketsSubgraph,
  assessmentsSubgraph,
];

export const subgraphByName = (name: string) => {
  const found = subgraphs.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}": use one of ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
};
