import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, type FactDefinition, type RecordedVersion } from './fact-history.js';

/** Every version of each requested record, batched: a list asking each row for its history costs one statement. */
export function factVersionsLoader<State extends Record<string, unknown>>(
  em: EntityManager,
  definition: FactDefinition<State>,
) {
  const history = new FactHistory(em, definition);
  return new DataLoader<string, (RecordedVersion & State)[]>(async (ids) => {
    const versions = await history.versionsOf(ids);
    return ids.map((id) => versions.get(id) ?? []);
  });
}
