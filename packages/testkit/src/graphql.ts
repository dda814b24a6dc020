import { signDevToken, type Role, type SharedEnv } from '@xgz/kit';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  raw: string;
}

/** POSTs an operation over HTTP, as a client would; with `timeoutMs`, an answer later than that rejects. */
export async function executeGraphQL<Data = any>(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; timeoutMs?: number } = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    // A service that does not answer in time fails the test (TimeoutError) instead of holding it.
    ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as Omit<GraphQLResponse<Data>, 'status' | 'raw'>;
  return { status: response.status, ...body, raw };
}

/** The error codes of a response, in order. */
export const errorCodes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

/** A development token for a region and roles. */
export const tokenFor = (env: SharedEnv, regionCode: string, roles: Role[] = ['admin']) =>
  signDevToken(env, { regionCode, roles });

/** Asks a subgraph for `_entities`, as the gateway does. */
export const resolveEntities = (
  url: string,
  token: string,
  representations: Record<string, unknown>[],
  selection: string,
) =>
  executeGraphQL(
    url,
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    {
      token,
      variables: { representations },
    },
  );

/**
 * The `_entities` of one type, by key (`code` for Region, `id` otherwise), with a selection on the
 * type — as the gateway asks a subgraph; an answer with errors throws, naming them.
 */
export async function entitiesOf<Entity = any>(
  url: string,
  token: string,
  typename: string,
  keys: readonly string[],
  selection: string,
): Promise<Entity[]> {
  const key = typename === 'Region' ? 'code' : 'id';
  const answer = await resolveEntities(
    url,
    token,
    keys.map((value) => ({ __typename: typename, [key]: value })),
    `... on ${typename} { ${selection} }`,
  );
  if (answer.errors) throw new Error(`_entities of ${typename} answered errors: ${JSON.stringify(answer.errors)}`);
  return answer.data._entities as Entity[];
}
