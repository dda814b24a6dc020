import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, toConnection, type Connection } from './graphql/connection.js';

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * One page of a list in id order (stable keyset cursors) with the total count: two statements,
 * whatever the page size.
 */
export async function findPage<Row extends { id: string }, Node = Row>(
  em: EntityManager,
  entity: EntityName<Row>,
  where: FilterQuery<Row>,
  page: { first: number | null | undefined; after: string | null | undefined },
  map: (row: Row) => Node = (row) => row as unknown as Node,
): Promise<Connection<Node>> {
  const size = pageSize(page.first);
  const filter = page.after ? ({ $and: [where, { id: { $gt: decodeCursor(page.after) } }] } as FilterQuery<Row>) : where;
  const [rows, totalCount] = await Promise.all([em.find(entity, filter, { orderBy: { id: 'asc' } as never, limit: size + 1 }) as Promise<Row[]>, em.count(entity, where)]);
  return toConnection(rows, size, totalCount, map);
}
