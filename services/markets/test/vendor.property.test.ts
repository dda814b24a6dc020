/**
 * A vendor over time against a brute-force model: for any fed history of an entity (moving between
 * markets, leaving one, deregistered), of its members (on the books or not, plates hung) and of the
 * markets it names (opening, closing), the derived periods give on every day exactly the market it
 * trades in that day (when open), its members on the books and their plates.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  derivePeriods,
  FindingState,
  MarketEntityKind,
  MarketEntityStatus,
  MarketType,
  MembershipStatus,
  type MarketEntityFactState,
  type MarketFactState,
  type PartyMemberFactState,
  type Period,
} from '@xgz/kit';
import { vendorFacts } from '../src/modules/vendor/vendor.derived.js';

const START = '2022-01-01';
const MARKETS = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const REGIONS = ['330106002', '330106004'];

/** Adjacent periods from START, of random lengths and states, the last open-ended or not. */
const periodsArb = <State>(stateArb: fc.Arbitrary<State>, from = START) =>
  fc
    .tuple(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), stateArb), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([parts, openEnded]) => {
      let start = from;
      return parts.map(([length, state], index): Period<State> => {
        const to = index === parts.length - 1 && openEnded ? null : addDays(start, length);
        const period = { from: start, to, state };
        start = to ?? start;
        return period;
      });
    });

const entityArb = fc.record({
  kind: fc.constant(MarketEntityKind.INDIVIDUAL_BUSINESS),
  status: fc.constantFrom(...Object.values(MarketEntityStatus)),
  regionCode: fc.constant(REGIONS[0]!),
  employees: fc.constant(null),
  marketId: fc.constantFrom(null, ...MARKETS),
}) as fc.Arbitrary<MarketEntityFactState>;
const memberArb = fc
  .record({
    status: fc.constantFrom(MembershipStatus.ACTIVE, MembershipStatus.ACTIVE, ...Object.values(MembershipStatus)),
    findingState: fc.constantFrom(FindingState.FOUND, FindingState.FALSE_RECORD),
    sanliangDone: fc.boolean(),
  })
  .map((member) => ({ ...member, regionCode: REGIONS[0]!, entityId: 'e' }) as unknown as PartyMemberFactState);
const marketArb = (regionCode: string) =>
  fc.boolean().map((open): MarketFactState => ({
    regionCode,
    type: MarketType.FARMERS,
    keyGrade: null,
    stars: null,
    inCityDistrict: false,
    countyCentre: false,
    open,
    addedToScope: false,
  }));

const holding = <State>(periods: readonly Period<State>[], day: string) =>
  periods.find((period) => period.from <= day && (period.to === null || day < period.to));

describe('the derived vendor', () => {
  it('equals, day by day, the market the entity trades in that day, open, with its members on the books', () => {
    fc.assert(
      fc.property(
        periodsArb(entityArb),
        fc.array(periodsArb(memberArb), { maxLength: 3 }),
        periodsArb(marketArb(REGIONS[0]!)),
        periodsArb(marketArb(REGIONS[1]!)),
        (entity, members, first, second) => {
          const markets = new Map([
            [MARKETS[0]!, first],
            [MARKETS[1]!, second],
          ]);
          const derived = derivePeriods(vendorFacts, { entity, members: members.flat(), markets });
          for (let day = addDays(START, -1); day <= addDays(START, 130); day = addDays(day, 1)) {
            const now = holding(entity, day)?.state;
            const market = now?.marketId ? holding(markets.get(now.marketId)!, day)?.state : undefined;
            const onBooks = members
              .map((periods) => holding(periods, day)?.state)
              .filter(
                (member): member is PartyMemberFactState =>
                  member !== undefined &&
                  member.status === MembershipStatus.ACTIVE &&
                  member.findingState !== FindingState.FALSE_RECORD,
              );
            const expected =
              now && now.marketId && now.status !== MarketEntityStatus.DEREGISTERED && market?.open
                ? {
                    regionCode: market.regionCode,
                    marketId: now.marketId,
                    members: onBooks.length,
                    plates: onBooks.filter((member) => member.sanliangDone).length,
                  }
                : null;
            expect(holding(derived, day)?.state ?? null, day).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
