import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../errors.js';

@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection and edge types for a node type, named `<Name>Connection` / `<Name>Edge`. */
export function connectionType<Node extends object>(name: string, node: ClassType<Node>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (Relay connection).` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match the filter in all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Cursors are opaque: base64url of the last row's id. */
export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw badUserInput('after is not a cursor from this list: pass pageInfo.endCursor of the previous page.', 'after');
  return id;
}

/** Page size bounds: the default and the most one page may hold. */
export function pageSize(first: number | null | undefined, max = 200): number {
  const size = first ?? 50;
  if (size < 1 || size > max) throw badUserInput(`first must be between 1 and ${max}.`, 'first');
  return size;
}

/** Builds a connection from rows fetched with one extra row (to know whether a next page exists). */
export function toConnection<Row extends { id: string }, Node>(
  rows: Row[],
  size: number,
  totalCount: number,
  map: (row: Row) => Node,
): Connection<Node> {
  const page = rows.slice(0, size);
  return {
    edges: page.map((row) => ({ cursor: encodeCursor(row.id), node: map(row) })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: page.length ? encodeCursor(page[page.length - 1]!.id) : null,
    },
    totalCount,
  };
}
