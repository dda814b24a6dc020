import { LockMode, UniqueConstraintViolationException, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { notFound } from './errors.js';

/**
 * Inside a transaction: the record locked for update and read afresh, so two changes to it queue
 * and each decides on what the other wrote. NOT_FOUND names `what` (RLS hides other regions).
 */
export async function lockForUpdate<Row extends object>(
  tx: EntityManager,
  entity: EntityName<Row>,
  id: string,
  what: string,
): Promise<Row> {
  const row = await tx.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!row) throw notFound(`No ${what} ${id} in your region.`);
  return row as Row;
}

/**
 * Runs a write and turns a unique-constraint violation (the transaction rolled back) into a domain
 * error; `error` is told which constraint it was and may return null to let it through.
 */
export async function onUniqueViolation<T>(
  work: () => Promise<T>,
  error: (constraint: string | undefined) => GraphQLError | null,
): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof UniqueConstraintViolationException)
      throw error((cause as { constraint?: string }).constraint) ?? cause;
    throw cause;
  }
}
