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
  const filter = page.after
    ? ({ $and: [where, { id: { $gt: decodeCursor(page.after) } }] } as FilterQuery<Row>)
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(entity, filter, { orderBy: { id: 'asc' } as never, limit: size + 1 }) as Promise<Row[]>,
    em.count(entity, where),
  ]);
  return toConnection(rows, size, totalCount, map);
}

/** A list query in SQL (for filters the ORM cannot say: computed dates, JSON state): `select` names the key column `id`. */
export interface SqlListQuery {
  select: string;
  from: string;
  where: string;
  params: readonly unknown[];
  /** The key column the list is ordered and paged by (unique), e.g. id or subject_id. */
  key: string;
}

/**
 * One page of a SQL list in key order (keyset cursors, like findPage) with the total count: two
 * statements, whatever the page size.
 */
export async function findSqlPage<Row extends { id: string }>(
  em: EntityManager,
  query: SqlListQuery,
  page: { first: number | null | undefined; after: string | null | undefined },
): Promise<Connection<Row>> {
  const size = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after) : null;
  const [rows, [count]] = await Promise.all([
    em.execute<Row[]>(
      `select ${query.select} from ${query.from} where ${query.where}${after ? ` and ${query.key} > ?` : ''} order by ${query.key} limit ?`,
      [...query.params, ...(after ? [after] : []), size + 1],
    ),
    em.execute<{ total: number }[]>(`select count(*)::int as total from ${query.from} where ${query.where}`, [
      ...query.params,
    ]),
  ]);
  return toConnection(rows, size, count!.total, (row) => row);
}
