import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDate, findListedPage, scopedRegion, type Connection, type Viewer } from '@xgz/kit';
import { entityCoverageFacts, STANDALONE_CAPABLE_WITHOUT_OWN } from '../coverage/entity-coverage.derived.js';
import type { StandaloneCapableEntity } from './standalone-capable.type.js';

/**
 * Operating entities of a region able to stand alone without their own organization on a date (the
 * "six 100%" list): the kit's work list of their derived coverage periods, a page at a time.
 */
export async function listStandaloneCapableWithoutOwn(
  em: EntityManager,
  viewer: Viewer,
  regionCode: string | null | undefined,
  asOf: string | null | undefined,
  listPage: { first: number | null | undefined; after: string | null | undefined },
): Promise<Connection<StandaloneCapableEntity>> {
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'standalone-capable entities');
  const page = await findListedPage(
    em,
    entityCoverageFacts,
    STANDALONE_CAPABLE_WITHOUT_OWN,
    region,
    figureDate(asOf),
    listPage,
  );
  return {
    ...page,
    edges: page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: { entity: { id: edge.node.id }, coverage: edge.node.state.coverage },
    })),
  };
}
