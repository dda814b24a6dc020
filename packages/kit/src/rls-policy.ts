import type { PolicyDef } from '@mikro-orm/core';
import { REGION_SETTING } from './request-context.js';

/**
 * Row-level security for a table placed at a region: a row is visible and writable only when its
 * region code starts with the request's region. `nullif` because on pooled connections an unset
 * transaction-local setting reads as '' (which every code starts with), not NULL.
 */
export function regionScopePolicy<T>(regionColumn: keyof T & string): PolicyDef<T> {
  const expression = (columns: Record<string, string>) => regionScopeExpression(columns[regionColumn]!);
  return { name: 'region_scope', command: 'all', using: expression as never, check: expression as never };
}

/** The policy's condition on one column: the entities' policies and the kit's migrations both use it. */
export function regionScopeExpression(column: string): string {
  return `starts_with(${column}, nullif(current_setting('${REGION_SETTING}', true), ''))`;
}
