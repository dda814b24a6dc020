import type { MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../logger.js';
import { DerivedFactRevisionEntity } from './derived-fact-revision.entity.js';
import { rederive, type DerivedFactDefinition } from './derived-facts.js';

/** Records re-derived per transaction: bounded locks and statement sizes at any scale. */
const BATCH = 500;

export interface Rederivation {
  subjectType: string;
  /** The revision the stored periods had (null: never recorded). */
  from: string | null;
  to: string;
  records: number;
  changed: number;
}

/**
 * Brings every derived record up to its definition's current rule. For each definition whose stored
 * revision differs (a new version of the code, a changed setting such as a 三会一课 interval, or
 * records derived before revisions were kept), every subject is re-derived in batches — only
 * periods that differ are replaced, and the figures move by the difference — then the revision is
 * stored. Run as the owner before serving. Interrupted, it starts over next time (it is idempotent).
 */
export async function rederiveStaleDefinitions(
  orm: MikroORM,
  definitions: readonly DerivedFactDefinition<any, any>[],
): Promise<Rederivation[]> {
  const done: Rederivation[] = [];
  for (const definition of definitions) {
    const em = orm.em.fork();
    const stored =
      (await em.findOne(DerivedFactRevisionEntity, { subjectType: definition.subjectType }))?.revision ?? null;
    if (stored === definition.revision) continue;
    const started = performance.now();
    const { from, key, where } = definition.subjects;
    let after: string | null = null;
    let records = 0;
    let changed = 0;
    for (;;) {
      const rows: { id: string }[] = await em.execute(
        `select distinct ${key} as id from ${from} where ${where ? `(${where}) and ` : ''}${key} > coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') order by 1 limit ?`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      const ids = rows.map((row) => row.id);
      // Keyset order: each batch starts past the last, so the loop ends with the subjects.
      if (after !== null && ids[0]! <= after)
        throw new Error(`re-deriving ${definition.subjectType} went back to ${ids[0]} after ${after}`);
      changed += await orm.em
        .fork()
        .transactional((tx) => rederive(tx, definition, ids, { reason: 'RULE_CHANGED', actor: 'system' }));
      records += ids.length;
      after = ids.at(-1)!;
    }
    await em.upsert(DerivedFactRevisionEntity, {
      subjectType: definition.subjectType,
      revision: definition.revision,
      derivedAt: new Date(),
    });
    const rederivation = {
      subjectType: definition.subjectType,
      from: stored,
      to: definition.revision,
      records,
      changed,
    };
    logger.info('derived facts brought to their current rule', {
      ...rederivation,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    });
    done.push(rederivation);
  }
  return done;
}
