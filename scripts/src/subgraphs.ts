import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

/** The four subgraphs in a stable order (composition, start-up, checks). */
export const subgraphs = [registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph] as const;

export const subgraphByName = (name: string) => {
  const found = subgraphs.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}": use one of ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
};
