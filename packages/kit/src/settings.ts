import type { z } from 'zod';
import { parseSettings } from './env.js';

/**
 * A module's settings (zod over environment variables, documented defaults): declared by the module,
 * bound by the kit when its subgraph starts — from the environment the subgraph is started with, so a
 * test starts one with other values without reloading modules — and parsed from process.env on first
 * read elsewhere (scripts, schema emit). Read with `get()` where the value is used, never at import.
 */
export interface SettingsGroup<T> {
  /** The environment variables it reads (for docs and checks). */
  readonly variables: readonly string[];
  /** The values in force. */
  get(): T;
  /** Parses them from `source`, failing fast with the variable's name; they are then in force. */
  bind(source: NodeJS.ProcessEnv): T;
}

export function defineSettings<Shape extends z.ZodRawShape>(shape: Shape): SettingsGroup<z.infer<z.ZodObject<Shape>>> {
  let current: z.infer<z.ZodObject<Shape>> | undefined;
  return {
    variables: Object.keys(shape),
    get: () => (current ??= parseSettings(shape)),
    bind: (source) => (current = parseSettings(shape, source)),
  };
}
