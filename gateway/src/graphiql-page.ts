import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { DEV_TOKEN_COMMAND } from '@xgz/kit';

const TITLE = '小个专 party building — GraphQL';

/** The first tab: the README's first query, named (the tab shows "ZhejiangCities"). */
const FIRST_QUERY = `# 小个专 party building (小个专党建). Every request needs a token in Headers below:
#   ${DEV_TOKEN_COMMAND} 33 admin      (npm start printed one too)
# Then press ▶ to run.
query ZhejiangCities {
  region(code: "33") {
    name
    level
    children { code name partyOrganizationCount marketCount inspectionCount }
  }
}
`;

/**
 * Runs in the page, beside GraphiQL. Without a token, GraphiQL's schema request is refused (401):
 * that answer is replaced by one line saying how to get a token, and as soon as a token is in the
 * Headers editor (GraphiQL keeps them in localStorage) the schema is fetched again — GraphiQL does
 * that on Ctrl+R — so Docs and completion work without finding "Re-fetch schema".
 */
const ASSIST_SCRIPT = `(() => {
  const hint = ${JSON.stringify(`No token yet: put "Authorization": "Bearer <token>" in Headers below — \`${DEV_TOKEN_COMMAND} 33 admin\` prints one. The schema loads as soon as it is there.`)};
  let waitingForToken = false;
  let lastTried = null;
  const isIntrospection = (init) => typeof init?.body === 'string' && init.body.includes('__schema');
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await send(input, init);
    if (!isIntrospection(init)) return response;
    waitingForToken = response.status === 401;
    if (!waitingForToken) return response;
    return new Response(JSON.stringify({ errors: [{ message: hint, extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  setInterval(() => {
    const headers = localStorage.getItem('graphiql:headers') || '';
    if (!waitingForToken || headers === lastTried || !/Bearer\\s+[\\w-]+\\.[\\w-]+\\.[\\w-]+/.test(headers)) return;
    lastTried = headers;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'R', ctrlKey: true }));
  }, 700);
})();`;

export interface GraphiQLPage {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

let page: Promise<GraphiQLPage> | null = null;

/**
 * The GraphiQL page with every asset inline (no internet needed), rendered and compressed once per
 * process: about 9 MB as HTML, a fraction of it compressed.
 */
export function graphiqlPage(): Promise<GraphiQLPage> {
  page ??= (async () => {
    const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
    const rendered = renderGraphiQL({
      title: TITLE,
      defaultQuery: FIRST_QUERY,
      headers: JSON.stringify(
        { Authorization: `Bearer <paste the output of: ${DEV_TOKEN_COMMAND} 33 admin>` },
        null,
        2,
      ),
    } as never);
    // The last </body>: the inline bundle itself contains the string.
    const end = rendered.lastIndexOf('</body>');
    const identity = Buffer.from(`${rendered.slice(0, end)}<script>${ASSIST_SCRIPT}</script>${rendered.slice(end)}`);
    const [gzipped, brotli] = await Promise.all([
      promisify(gzip)(identity, { level: 9 }),
      promisify(brotliCompress)(identity, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
    ]);
    return {
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      identity,
      gzip: gzipped,
      brotli,
    };
  })();
  // A failed rendering is tried again on the next visit rather than remembered.
  page.catch(() => (page = null));
  return page;
}

/** The encoding to send for an Accept-Encoding header: brotli, gzip, or none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}
