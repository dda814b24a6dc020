/**
 * Demo organizations for npm start, written through the gateway as a user would (so their dated
 * histories, coverage and figures follow): per demo city, joint branches in the first townships
 * that have demo entities, each covering those entities. Idempotent: skipped when any exist.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const DEMO_CITIES = ['3301', '4601', '4419'];
const BRANCHES_PER_CITY = 8;

type Call = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>;

export async function seedOrganizationsDemo(gatewayUrl: string, tokenFor: (regionCode: string) => Promise<string>): Promise<number> {
  let token = await tokenFor('33');
  const call: Call = async (query, variables) =>
    (await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    })).json() as never;
  const existing = await call('{ region(code: "33") { partyOrganizationCount } }');
  if ((existing.data?.region?.partyOrganizationCount ?? 0) > 0) return 0;
  const cover = (id: string, ids: string[]) =>
    call(`mutation($id: ID!, $ids: [ID!]!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: "2016-07-01") { id } }`, { id, ids: ids.slice(0, 100) });
  let formed = 0;
  for (const city of DEMO_CITIES) {
    token = await tokenFor(city);
    const listed = await call(`query($code: ID!) { marketEntities(filter: { regionCode: $code }, first: 200) { edges { node { id regionCode } } } }`, { code: city });
    const byTownship = new Map<string, string[]>();
    for (const { node: entity } of (listed.data?.marketEntities?.edges ?? []) as { node: { id: string; regionCode: string } }[]) {
      const township = entity.regionCode.slice(0, 9);
      byTownship.set(township, [...(byTownship.get(township) ?? []), entity.id]);
    }
    for (const [township, ids] of [...byTownship].slice(0, BRANCHES_PER_CITY)) {
      const result = await call(`mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`, {
        input: { name: `${township}个体私营经济联合党支部`, level: 'BRANCH', formation: 'JOINT', regionCode: township, hostKind: 'ASSOCIATION', hostName: '个私协会分会', establishedOn: '2016-07-01' },
      });
      const id = result.data?.formPartyOrganization?.organization?.id;
      if (!id) continue;
      formed++;
      // Entities reach organizations through the fact feed within moments of start-up: retry briefly.
      let covered = await cover(id, ids);
      for (let attempt = 1; attempt < 50 && covered.errors?.some((error) => error.extensions?.code === 'NOT_FOUND'); attempt++) {
        await sleep(200);
        covered = await cover(id, ids);
      }
      if (covered.errors) console.error(`demo data: ${township}'s branch covers nothing (${covered.errors[0]?.extensions?.code}); is the fact feed running?`);
    }
  }
  return formed;
}
