import { cachedReadiness, type Readiness } from '@xgz/kit';

/** The subgraphs composed into a supergraph and their URLs (`@join__graph(name:, url:)`). */
export function composedSubgraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g))
    urls[match[1]!] = match[2]!;
  return urls;
}

const PROBE_TIMEOUT_MS = 2_000;

/** Asks each subgraph's /readyz (its database answers) at once, at most once a second; ready when all are. */
export function subgraphReadiness(urls: Record<string, string>) {
  return cachedReadiness(async (): Promise<Readiness> => {
    const entries = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const readyz = new URL('/readyz', url);
        const ok = await fetch(readyz, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
          (response) => response.ok,
          () => false,
        );
        return [name, ok ? 'ready' : 'unavailable'] as const;
      }),
    );
    return { ready: entries.every(([, state]) => state === 'ready'), subgraphs: Object.fromEntries(entries) };
  });
}
