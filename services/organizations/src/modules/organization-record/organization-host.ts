import { registerEnumType } from 'type-graphql';

/** What an organization is built in or for (依托单位). */
export enum OrganizationHostKind {
  MARKET_ENTITY = 'MARKET_ENTITY',
  MARKET = 'MARKET',
  ASSOCIATION = 'ASSOCIATION',
  REGION = 'REGION',
}

registerEnumType(OrganizationHostKind, {
  name: 'OrganizationHostKind',
  description: 'What a party organization is built in or for (依托单位).',
  valuesConfig: {
    MARKET_ENTITY: {
      description: 'A market entity (市场主体): an enterprise or individual business; hostId is its id.',
    },
    MARKET: {
      description:
        'A market (市场) of the markets subgraph; hostId is its id: open on the day established, inside the organization’s region.',
    },
    ASSOCIATION: {
      description:
        'An individual & private business association or its branch (个私协会/分会); hostName names it, hostId stays empty.',
    },
    REGION: {
      description:
        "A district or township (区域); the organization's region is the host: hostId and hostName stay empty.",
    },
  },
});
