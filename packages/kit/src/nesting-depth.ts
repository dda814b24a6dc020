import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * How deep `{ [ (` nest in `text`, in one pass, stopping once past `limit`. `skip` is told where a
 * character starts something whose brackets do not count (a string, a comment) and answers where
 * it ends.
 */
function nestingDepth(
  text: string,
  limit: number,
  opens: string,
  closes: string,
  skip: (text: string, index: number) => number,
): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const skipped = skip(text, index);
    if (skipped !== index) {
      index = skipped - 1; // the next character is looked at afresh (it may start another string)
      continue;
    }
    const char = text[index]!;
    if (opens.includes(char)) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (closes.includes(char)) depth--;
  }
  return deepest;
}

/** Past a GraphQL comment, string or block string starting at `index` (or `index` itself). */
function skipGraphqlText(source: string, index: number): number {
  if (source[index] === '#') {
    while (index < source.length && source[index] !== '\n' && source[index] !== '\r') index++;
    return index;
  }
  if (source[index] !== '"') return index;
  if (source.startsWith('"""', index)) {
    const end = source.indexOf('"""', index + 3);
    return end < 0 ? source.length : end + 3;
  }
  for (index++; index < source.length && source[index] !== '"' && source[index] !== '\n'; index++)
    if (source[index] === '\\') index++;
  return index + 1;
}

/** Past a JSON string starting at `index` (or `index` itself), jumping from quote to quote: an import's 13 MB of base64 is one string. */
function skipJsonString(text: string, index: number): number {
  if (text[index] !== '"') return index;
  for (let quote = text.indexOf('"', index + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/**
 * How deep brackets nest in a GraphQL document — `{`, `[` and `(` outside strings, block strings
 * and comments. graphql-js parses recursively: a list literal thousands of levels deep (well under
 * the token limit) overflows the stack, so depth is refused before the document is parsed.
 */
export const graphqlNestingDepth = (source: string, limit: number) =>
  nestingDepth(source, limit, '{[(', '}])', skipGraphqlText);

/** The same for JSON text (`{` and `[` outside strings): variables are coerced recursively too. */
export const jsonNestingDepth = (text: string, limit: number) => nestingDepth(text, limit, '{[', '}]', skipJsonString);

const tooDeep = (what: string, limit: number) =>
  new GraphQLError(
    `The ${what} nests brackets more than ${limit} levels deep (QUERY_MAX_NESTING): send a flatter one.`,
    {
      extensions: { code: ErrorCode.QueryTooDeep },
    },
  );

/**
 * What a GraphQL endpoint checks before it parses a JSON body: the text nests at most `limit`
 * levels (variables are coerced recursively). The refusal, or null.
 */
export const jsonNestingRefusal = (text: string, limit: number): GraphQLError | null =>
  jsonNestingDepth(text, limit) > limit ? tooDeep('request body', limit) : null;

/**
 * What it checks before it parses the document: the operation's query — from the parsed JSON body
 * (one operation or a batch), a text body, or the GET parameters, whose variables are JSON too —
 * nests at most `limit` levels. The refusal, or null.
 */
export function documentNestingRefusal(
  request: { body: unknown; search: URLSearchParams },
  limit: number,
): GraphQLError | null {
  const variables = request.search.get('variables') ?? request.search.get('extensions');
  if (variables && jsonNestingDepth(variables, limit) > limit) return tooDeep('variables', limit);
  const operations = Array.isArray(request.body) ? request.body : [request.body];
  const documents = operations.map((operation) =>
    typeof operation === 'string'
      ? operation
      : typeof (operation as { query?: unknown })?.query === 'string'
        ? (operation as { query: string }).query
        : '',
  );
  documents.push(request.search.get('query') ?? '');
  return documents.some((document) => graphqlNestingDepth(document, limit) > limit) ? tooDeep('document', limit) : null;
}
