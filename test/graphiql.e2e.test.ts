/**
 * A new user's first visit to GraphiQL, in a real browser (Debian's Chromium driven by
 * playwright-core): the first tab is named, the page says how to get a token, and the schema loads
 * once a token is pasted into Headers. And the page itself: offline, compressed, cacheable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { RunningServer } from '@xgz/kit';
import { startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

/** Installed by scripts/run.sh (Debian's package) when missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let harness: SubgraphHarness;
let gateway: RunningServer;
let browser: Browser;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  const subgraphUrls = Object.fromEntries(
    Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
  );
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container; and no attempts to reach Google's services from a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await harness?.stop();
});

const page = (encoding?: string, etag?: string) =>
  fetch(gateway.url, {
    headers: {
      accept: 'text/html',
      ...(encoding ? { 'accept-encoding': encoding } : {}),
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });

describe('the GraphiQL page', () => {
  it('is served compressed and cacheable, and loads nothing from the internet', async () => {
    const identity = await page('identity');
    const html = await identity.text();
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    for (const encoding of ['br', 'gzip']) {
      const compressed = await page(encoding);
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      expect(Number(compressed.headers.get('content-length'))).toBeLessThan(html.length / 3);
      expect(await compressed.text()).toBe(html);
    }
    const first = await page('gzip');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await page('gzip', etag);
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('works on the first visit: a named first tab, a one-line hint for the token, the schema once a token is pasted', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const tab = await context.newPage();
    await tab.goto(gateway.url.replace('127.0.0.1', 'localhost'));
    await expect
      .poll(() => tab.locator('.graphiql-tab-button').first().innerText(), { timeout: 30_000 })
      .toBe('ZhejiangCities');
    // Without a token the schema request is refused; the page says how to get one, not "UNAUTHENTICATED" alone.
    // The result pane wraps long lines: compare the text, not the line breaks.
    const response = async () => (await tab.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
    await expect.poll(response, { timeout: 30_000 }).toContain('No token yet');
    expect(await response()).toContain(
      'in Headers below — `npm run -s token -- 33 admin` prints one. The schema loads as soon as it is there.',
    );

    // Paste a token into Headers, as the user would; nothing else.
    await tab.getByRole('button', { name: 'Headers' }).click();
    await tab.locator('.graphiql-editor-tool .monaco-editor').last().click();
    const token = await tokenFor(harness.env, '33', ['admin']);
    await tab.evaluate(
      (text) => navigator.clipboard.writeText(text),
      JSON.stringify({ Authorization: `Bearer ${token}` }),
    );
    await tab.keyboard.press('Control+A');
    await tab.keyboard.press('Control+V');
    await tab.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await expect
      .poll(() => tab.locator('.graphiql-doc-explorer').innerText(), { timeout: 30_000 })
      .toContain('query: Query');

    await tab.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    await expect.poll(response, { timeout: 30_000 }).toContain('"name": "浙江省"');
    await context.close();
  });
});
