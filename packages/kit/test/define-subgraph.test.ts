/**
 * A subgraph assembled from a list of modules: adding one (here a made-up `notice` aggregate) is
 * its own declaration and one entry in the list, and its table, its resolvers' fields, its error
 * codes, its metrics, its facts and its loaders all reach the subgraph — with the tables of the kit
 * features it uses. Two modules claiming one name are refused when the subgraph is defined.
 */
import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Directive, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { AuditEventEntity } from '../src/audit/audit-event.entity.js';
import { defineSubgraph } from '../src/define-subgraph.js';
import { FedFactEntity } from '../src/feed/fed-fact.entity.js';
import { FigureDeltaEntity } from '../src/figures/figure-delta.entity.js';
import { FactVersionEntity } from '../src/history/fact-version.entity.js';
import type { FactDefinition } from '../src/history/fact-history.js';
import { defineModule } from '../src/subgraph-module.js';
import { defineSettings } from '../src/settings.js';
import { z } from 'zod';
import { buildTypeGraphqlSubgraphSchema } from '../src/subgraph-schema.js';
import type { Viewer } from '../src/auth.js';

const NoticeEntity = defineEntity({
  name: 'Notice',
  tableName: 'notice',
  properties: { id: p.uuid().primary(), regionCode: p.string().length(12) },
});

@Directive('@key(fields: "id")')
@ObjectType('Notice')
class Notice {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Notice)
class NoticeResolver {
  @Query(() => Notice, { nullable: true })
  notice(@Arg('id', () => ID) id: string): Notice {
    return { id };
  }

  @Mutation(() => Notice)
  postNotice(@Arg('text', () => String) _text: string): Notice {
    return { id: 'new' };
  }
}

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

const noticeFacts: FactDefinition<{ regionCode: string }> = {
  subjectType: 'Notice',
  regionOf: (state) => state.regionCode,
  metricsOf: () => ['notices'],
};

const noticeSettings = defineSettings({ NOTICE_MAX_DAYS: z.coerce.number().default(7) });

const noticeModule = defineModule({
  name: 'notice',
  settings: [noticeSettings],
  entities: [NoticeEntity],
  resolvers: [NoticeResolver],
  references: { Notice: { __resolveReference: (reference: { id: string }) => reference } },
  loaders: () => ({ notices: { marker: 'notice loaders' } }),
  errorCodes: { Expired: 'NOTICE_EXPIRED' },
  facts: [noticeFacts],
  metrics: ['notices', 'noticesRead'],
  publishes: ['Notice'],
  textRules: { text: { maxLength: 500, multiline: true } },
});

const pingModule = defineModule({
  name: 'ping',
  resolvers: [PingResolver],
  loaders: () => ({ pings: 1 }),
  uses: ['audit'],
});

const assemble = (modules: Parameters<typeof defineSubgraph>[0]['modules']) =>
  defineSubgraph({ name: 'bulletin', defaultPort: 4999, modules, migrations: [], errorCodeEnum: 'BulletinErrorCode' });

describe('a subgraph made of modules', () => {
  const bulletin = defineSubgraph({
    name: 'bulletin',
    defaultPort: 4999,
    modules: [pingModule, noticeModule],
    migrations: [],
    errorCodeEnum: 'BulletinErrorCode',
    feedConsumers: ['organizations'],
  });

  it('has each module’s tables and those of the kit features they use, and no others', () => {
    const entities = bulletin.database.entities;
    expect(entities).toContain(NoticeEntity);
    expect(entities).toContain(FactVersionEntity); // its facts: history
    expect(entities).toContain(FigureDeltaEntity); // its metrics: figures
    expect(entities).toContain(AuditEventEntity); // ping uses the audit trail
    expect(entities).not.toContain(FedFactEntity); // it copies nobody's facts
    expect([...bulletin.features].sort()).toEqual(['audit', 'figures', 'history']);
    expect(bulletin.database.name).toBe('bulletin');
  });

  it('serves every module’s fields, references and error codes, with their text rules', () => {
    const schema = buildTypeGraphqlSubgraphSchema(bulletin.schema);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['notice', 'ping']));
    expect(Object.keys(schema.getMutationType()!.getFields())).toContain('postNotice');
    const codes = schema.getType('BulletinErrorCode');
    expect(codes && 'getValues' in codes ? codes.getValues().map((value) => value.name) : []).toEqual([
      'NOTICE_EXPIRED',
    ]);
    expect(bulletin.schema.references.Notice).toBeDefined();
    expect(bulletin.schema.textRules?.text).toEqual({ maxLength: 500, multiline: true });
  });

  it('lists every module’s settings, for the kit to bind when the subgraph starts', () => {
    expect(bulletin.settings).toEqual([noticeSettings]);
  });

  it('keeps every module’s metrics and publishes its facts to the consumers it names', () => {
    expect(bulletin.metrics).toEqual(['notices', 'noticesRead']);
    expect(bulletin.feed?.publishes).toEqual({ types: ['Notice'], consumers: ['organizations'] });
    expect(bulletin.feed?.subscriptions).toBeUndefined();
  });

  it('gives each request every module’s loaders beside the kit’s figures', () => {
    const loaders = bulletin.createLoaders({} as EntityManager, { regionCode: '33' } as Viewer);
    expect(loaders.notices).toEqual({ marker: 'notice loaders' });
    expect(loaders.pings).toBe(1);
    expect(typeof loaders.figures.load).toBe('function');
  });

  it('refuses two modules claiming one name', () => {
    const twin = (overrides: object) => defineModule({ name: 'twin', resolvers: [PingResolver], ...overrides });
    expect(() => assemble([noticeModule, twin({ errorCodes: { Late: 'NOTICE_EXPIRED' } })])).toThrow(
      /error code NOTICE_EXPIRED is claimed by notice and twin/,
    );
    expect(() => assemble([noticeModule, twin({ textRules: { text: { maxLength: 9 } } })])).toThrow(
      /text rule text is claimed by notice and twin/,
    );
    expect(() => assemble([noticeModule, { ...noticeModule }])).toThrow(/module notice is claimed/);
    expect(() =>
      assemble([noticeModule, twin({ references: { Notice: { __resolveReference: () => null } } })]),
    ).toThrow(/reference Notice is claimed/);
    const sameLoader = assemble([noticeModule, twin({ loaders: () => ({ notices: 2 }) })]);
    expect(() => sameLoader.createLoaders({} as EntityManager, {} as Viewer)).toThrow(
      /module twin names loaders already taken: notices/,
    );
  });

  it('refuses what cannot be served: no resolver, a published type no fact has, codes without their enum', () => {
    expect(() => assemble([defineModule({ name: 'empty' })])).toThrow(/no module declares a resolver/);
    expect(() => assemble([pingModule, defineModule({ name: 'leak', publishes: ['Secret'] })])).toThrow(
      /publishes Secret, which none of its modules' facts is/,
    );
    expect(() =>
      defineSubgraph({ name: 'bulletin', defaultPort: 4999, modules: [noticeModule], migrations: [] }),
    ).toThrow(/name their enum/);
  });
});
