import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties, MarketKeyGrade, MarketType } from '@xgz/kit';

/**
 * A commodity trading, professional or farmers' market (市场) placed at a township, as it is now;
 * its dated facts (type, grade, stars, flags, open or closed, added to scope) live in fact_version.
 * Never deleted: a closed market keeps its history. Named TradingMarketEntity: MarketEntity is
 * registry's market entity (市场主体), a different thing.
 */
export const TradingMarketEntity = defineEntity({
  name: 'Market',
  tableName: 'market',
  checks: [
    { name: 'market_stars_check', expression: 'stars is null or stars between 1 and 5' },
    { name: 'market_closed_check', expression: 'closed_on is null or closed_on >= opened_on' },
  ],
  // One open market of a name per township: a form sent twice makes one.
  uniques: [{ name: 'market_open_name_unique', properties: ['regionCode', 'name'], where: 'closed_on is null' }],
  properties: {
    ...placedRecordProperties('market'),
    name: p.text(),
    type: p.enum(() => MarketType),
    /** A code of market_category. */
    category: p.string().length(40).index('market_category_index'),
    /** The operator (举办者): a registry market entity (MARKET_OPERATOR), when known. */
    operatorId: p.uuid().nullable().index('market_operator_index'),
    keyGrade: p.enum(() => MarketKeyGrade).nullable(),
    /** Star rating (星级) 1–5; null when not rated. */
    stars: p.integer().nullable(),
    /** In a city district (城区): farmers' markets there with four stars or more are in scope. */
    inCityDistrict: p.boolean(),
    /** At a county centre (县城中心): its farmers' market is in scope. */
    countyCentre: p.boolean(),
    /** Why it was added to the standardization scope by hand (null when not): kept with the dates in its history. */
    scopeReason: p.text().nullable(),
    openedOn: p.date(),
    closedOn: p.date().nullable(),
    /** Declared in the market ledger (not dated): stalls' vendors, people working there, yearly turnover in 10,000 yuan (万元). */
    declaredVendors: p.integer().nullable(),
    declaredEmployees: p.integer().nullable(),
    yearlyTurnover: p.decimal('number').precision(14).scale(2).nullable(),
    /** A consumer-rights service station (消费维权服务站) in the market. */
    consumerRightsStation: p.boolean(),
    /** Integrity pledges signed (诚信承诺书) and the day they were last counted. */
    integrityPledges: p.integer().nullable(),
    integrityPledgedOn: p.date().nullable(),
    /** Effective date of the latest dated change; later changes may not be dated before it. */
    lastChangeOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type MarketRow = InferEntity<typeof TradingMarketEntity>;
