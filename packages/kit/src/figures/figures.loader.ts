import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readFigures } from './figure-ledger.js';

export interface FigureRequest {
  regionCode: string;
  /** yyyy-mm-dd; today for live figures. */
  asOf: string;
}

/**
 * Batches figure look-ups: every region asked in one tick for the same date is answered together
 * (two statements: the report date to start from, then the figures).
 * Answers every metric in `metrics` for each region.
 */
export function figuresLoader(em: EntityManager, metrics: readonly string[]) {
  return new DataLoader<FigureRequest, Map<string, number>, string>(
    async (requests) => {
      const byDate = new Map<string, string[]>();
      for (const request of requests) {
        const codes = byDate.get(request.asOf) ?? [];
        codes.push(request.regionCode);
        byDate.set(request.asOf, codes);
      }
      const answers = new Map<string, Map<string, number>>();
      for (const [asOf, codes] of byDate) {
        const figures = await readFigures(em, [...new Set(codes)], metrics, asOf);
        for (const [code, values] of figures) answers.set(`${code}@${asOf}`, values);
      }
      return requests.map((request) => answers.get(`${request.regionCode}@${request.asOf}`)!);
    },
    { cacheKeyFn: (request) => `${request.regionCode}@${request.asOf}` },
  );
}

/**
 * A reader of one request's kept figures: every metric the subgraph declares is answered (0 when
 * nothing counts), so one missing from the answer was never declared — a programming error, thrown
 * rather than read as 0.
 */
export function keptFigure(values: ReadonlyMap<string, number>, subgraph: string) {
  return (metric: string): number => {
    const found = values.get(metric);
    if (found === undefined) throw new Error(`${subgraph} metric ${metric} is not declared by any of its modules`);
    return found;
  };
}
