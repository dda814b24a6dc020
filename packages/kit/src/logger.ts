/**
 * A small structured logger. Callers pass identifiers and counts, never personal data
 * (names, phones, household registration).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const threshold = () => order[(process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? order.info;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};

/**
 * An error's message fit for a log line: quoted literals (SQL values, user input that a driver
 * echoes back) and long digit runs (phones, ids) are replaced, so personal data never reaches logs.
 */
export function redactedErrorMessage(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Every quoted value goes, however short: a three-character name is still a name.
  return message
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"?"')
    .replace(/[“「『][^”」』]*[”」』]/g, '"?"')
    .replace(/\d{7,}/g, '#')
    .slice(0, 500);
}
