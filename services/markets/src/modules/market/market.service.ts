import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotFuture,
  assertPlaceableCode,
  assertRole,
  assertUuid,
  badUserInput,
  domainError,
  isDivisionAboveVillage,
  onUniqueViolation,
  today,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { requireCategory } from '../market-category/market-category.service.js';
import { rederiveScope } from '../market-scope/rederive-scope.js';
import { rederiveStandardization } from '../standard/rederive-standardization.js';
import { rederiveDemonstration } from '../demonstration/demonstration.service.js';
import { rederiveVendorsOfMarkets } from '../vendor/rederive-vendors.js';
import { requireOperator } from '../vendor/fed-operators.js';
import { TradingMarketEntity, type MarketRow } from '../market-record/market.entity.js';
import { MarketsErrorCode } from '../market-record/market.errors.js';
import type { MarketLedgerInput, MarketRatingInput, RegisterMarketInput } from './market.inputs.js';
import { marketWrites } from '../market-record/market.writes.js';

/** The largest counts a ledger may declare: a market of a city, not a country. */
const MAX_DECLARED = 1_000_000;
/** Yearly turnover in 10,000 yuan: the largest markets trade a few hundred billion yuan. */
const MAX_TURNOVER = 100_000_000;

/** Names compare as written, whatever runs of spaces they were typed with. */
const normalizedName = (name: string) => name.trim().replace(/\s+/g, ' ');

const duplicateMarket = (name?: string) =>
  domainError(
    MarketsErrorCode.Duplicate,
    `An open market ${name ? `named ${name}` : 'of that name'} exists in that township already.`,
  );

const marketClosed = (row: MarketRow) =>
  domainError(MarketsErrorCode.Closed, `${row.name} closed on ${row.closedOn}: reopen it first.`);

function checkStars(stars: number | null | undefined, argument: string): void {
  if (stars != null && (!Number.isInteger(stars) || stars < 1 || stars > 5))
    throw badUserInput(`${argument} must be 1–5 stars, or null when not rated.`, argument);
}

function checkLedger(ledger: MarketLedgerInput, argument: string): void {
  for (const field of ['declaredVendors', 'declaredEmployees', 'integrityPledges'] as const) {
    const value = ledger[field];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_DECLARED))
      throw badUserInput(`${argument}.${field} must be a whole number 0–${MAX_DECLARED}.`, `${argument}.${field}`);
  }
  const turnover = ledger.yearlyTurnover;
  if (turnover != null && (!Number.isFinite(turnover) || turnover < 0 || turnover > MAX_TURNOVER))
    throw badUserInput(
      `${argument}.yearlyTurnover must be 0–${MAX_TURNOVER} (in 10,000 yuan).`,
      `${argument}.yearlyTurnover`,
    );
  if (ledger.integrityPledgedOn) assertNotFuture(ledger.integrityPledgedOn, `${argument}.integrityPledgedOn`);
}

/** The ledger's fields given (null clears one; omitted ones stay), rounded as stored. */
function ledgerChanges(ledger: MarketLedgerInput): Partial<MarketRow> {
  const changes: Partial<MarketRow> = {};
  if (ledger.declaredVendors !== undefined) changes.declaredVendors = ledger.declaredVendors;
  if (ledger.declaredEmployees !== undefined) changes.declaredEmployees = ledger.declaredEmployees;
  if (ledger.yearlyTurnover !== undefined)
    changes.yearlyTurnover = ledger.yearlyTurnover === null ? null : Math.round(ledger.yearlyTurnover * 100) / 100;
  if (ledger.consumerRightsStation != null) changes.consumerRightsStation = ledger.consumerRightsStation;
  if (ledger.integrityPledges !== undefined) changes.integrityPledges = ledger.integrityPledges;
  if (ledger.integrityPledgedOn !== undefined) changes.integrityPledgedOn = ledger.integrityPledgedOn;
  return changes;
}

/** A market's dated facts changed: its scope and standardization (which counts by its scope) follow. */
async function rederiveMarket(tx: EntityManager, marketId: string, actor: string) {
  await rederiveScope(tx, [marketId], actor);
  await rederiveStandardization(tx, [marketId], actor);
  await rederiveDemonstration(tx, [marketId], actor);
}

/** A market opened or closed: and every vendor that names it (a closed market has none). */
async function rederiveMarketAndVendors(tx: EntityManager, marketId: string, actor: string) {
  await rederiveMarket(tx, marketId, actor);
  await rederiveVendorsOfMarkets(tx, [marketId], actor);
}

/**
 * Enters a market in the ledger (市场台账) from the day it opened: its history, figures and
 * standardization scope start that day. One open market of a name per township (a unique index, so
 * a form sent twice at once makes one).
 */
export async function registerMarket(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterMarketInput,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'register markets');
  const name = normalizedName(input.name);
  if (!name) throw badUserInput('input.name must not be empty.', 'input.name');
  assertPlaceableCode(viewer, input.regionCode, 'input.regionCode');
  if (input.regionCode.length !== 9 || !isDivisionAboveVillage(input.regionCode))
    throw badUserInput(`input.regionCode "${input.regionCode}" is not a known township code.`, 'input.regionCode');
  assertNotFuture(input.openedOn, 'input.openedOn');
  checkStars(input.stars, 'input.stars');
  if (input.ledger) checkLedger(input.ledger, 'input.ledger');
  if (input.operatorId) assertUuid(input.operatorId, 'input.operatorId');
  return onUniqueViolation(
    () =>
      marketWrites.start(em, viewer, {
        check: async (tx) => {
          await requireCategory(tx, input.category, 'input.category');
          if (input.operatorId) await requireOperator(tx, input.operatorId, 'input.operatorId');
          const twin = await tx.findOne(TradingMarketEntity, { regionCode: input.regionCode, name, closedOn: null });
          if (twin) throw duplicateMarket(name);
        },
        create: (tx) =>
          tx.create(TradingMarketEntity, {
            name,
            type: input.type,
            category: input.category,
            regionCode: input.regionCode,
            operatorId: input.operatorId ?? null,
            keyGrade: input.keyGrade ?? null,
            stars: input.stars ?? null,
            inCityDistrict: input.inCityDistrict,
            countyCentre: input.countyCentre,
            scopeReason: null,
            openedOn: input.openedOn,
            closedOn: null,
            declaredVendors: null,
            declaredEmployees: null,
            yearlyTurnover: null,
            consumerRightsStation: false,
            integrityPledges: null,
            integrityPledgedOn: null,
            lastChangeOn: input.openedOn,
            ...(input.ledger ? ledgerChanges(input.ledger) : {}),
          }),
        from: input.openedOn,
        reason: 'OPENED',
        derive: (tx, row) => rederiveMarket(tx, row.id, viewer.subject),
        action: 'REGISTER_MARKET',
        detail: { openedOn: input.openedOn },
      }),
    (constraint) => (constraint === 'market_open_name_unique' ? duplicateMarket(name) : null),
  );
}

/**
 * A change of key grade, stars or flags from a date (评级变更): the figures and the scope follow from
 * that date; dated before the last change it is refused (record changes in order).
 */
export function changeMarketRating(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  effectiveOn: string,
  rating: MarketRatingInput,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'change market ratings');
  if (Object.values(rating).every((value) => value === undefined))
    throw badUserInput('input names nothing to change: give keyGrade, stars, inCityDistrict or countyCentre.', 'input');
  checkStars(rating.stars, 'input.stars');
  return marketWrites.change(em, viewer, {
    id,
    effectiveOn,
    check: (row) => {
      if (row.closedOn) throw marketClosed(row);
    },
    apply: (row) => {
      if (rating.keyGrade !== undefined) row.keyGrade = rating.keyGrade;
      if (rating.stars !== undefined) row.stars = rating.stars;
      if (rating.inCityDistrict != null) row.inCityDistrict = rating.inCityDistrict;
      if (rating.countyCentre != null) row.countyCentre = rating.countyCentre;
    },
    derive: (tx, row) => rederiveMarket(tx, row.id, viewer.subject),
    reason: 'RATED',
    action: 'CHANGE_MARKET_RATING',
    detail: { ...rating },
  });
}

/** Adds a market to the standardization scope by hand from a date, with the reason (纳入规范化建设范围). */
export function addMarketToScope(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  fromDate: string,
  reason: string,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'change the standardization scope');
  const why = reason.trim();
  if (!why) throw badUserInput('reason must say why the market is added to the scope.', 'reason');
  return marketWrites.change(em, viewer, {
    id,
    effectiveOn: fromDate,
    dateArgument: 'fromDate',
    check: (row) => {
      if (row.closedOn) throw marketClosed(row);
      if (row.scopeReason)
        throw domainError(
          MarketsErrorCode.AlreadyAddedToScope,
          `${row.name} was added to the scope already (${row.scopeReason}).`,
        );
    },
    apply: (row) => {
      row.scopeReason = why;
    },
    derive: (tx, row) => rederiveMarket(tx, row.id, viewer.subject),
    reason: 'ADDED_TO_SCOPE',
    action: 'ADD_MARKET_TO_SCOPE',
    detail: { reason: why },
  });
}

/** Takes back a hand addition from a date; a market the rule puts in scope stays in it. */
export function removeMarketFromScope(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  fromDate: string,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'change the standardization scope');
  return marketWrites.change(em, viewer, {
    id,
    effectiveOn: fromDate,
    dateArgument: 'fromDate',
    check: (row) => {
      if (!row.scopeReason)
        throw domainError(MarketsErrorCode.NotAddedToScope, `${row.name} was not added to the scope by hand.`);
    },
    apply: (row) => {
      row.scopeReason = null;
    },
    derive: (tx, row) => rederiveMarket(tx, row.id, viewer.subject),
    reason: 'REMOVED_FROM_SCOPE',
    action: 'REMOVE_MARKET_FROM_SCOPE',
  });
}

/** Closes a market (关闭) from a date: it counts nowhere after; its history stays. */
export function closeMarket(em: EntityManager, viewer: Viewer, id: string, closedOn: string): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'close markets');
  return marketWrites.change(em, viewer, {
    id,
    effectiveOn: closedOn,
    dateArgument: 'closedOn',
    check: (row) => {
      if (row.closedOn) throw marketClosed(row);
    },
    apply: (row) => {
      row.closedOn = closedOn;
    },
    derive: (tx, row) => rederiveMarketAndVendors(tx, row.id, viewer.subject),
    reason: 'CLOSED',
    action: 'CLOSE_MARKET',
  });
}

/** Reopens a closed market from a date; an open market of its name in the township refuses it. */
export function reopenMarket(em: EntityManager, viewer: Viewer, id: string, reopenedOn: string): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'reopen markets');
  return onUniqueViolation(
    () =>
      marketWrites.change(em, viewer, {
        id,
        effectiveOn: reopenedOn,
        dateArgument: 'reopenedOn',
        check: async (row, tx) => {
          if (!row.closedOn) throw domainError(MarketsErrorCode.Open, `${row.name} is open.`);
          const twin = await tx.findOne(TradingMarketEntity, {
            regionCode: row.regionCode,
            name: row.name,
            closedOn: null,
          });
          if (twin) throw duplicateMarket(row.name);
        },
        apply: (row) => {
          row.closedOn = null;
        },
        derive: (tx, row) => rederiveMarketAndVendors(tx, row.id, viewer.subject),
        reason: 'REOPENED',
        action: 'REOPEN_MARKET',
      }),
    (constraint) => (constraint === 'market_open_name_unique' ? duplicateMarket() : null),
  );
}

/** Updates what the ledger declares (counts, turnover, station, pledges): not dated, the latest answer stands. */
export function updateMarketLedger(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  ledger: MarketLedgerInput,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'update market ledgers');
  checkLedger(ledger, 'ledger');
  const changes = ledgerChanges(ledger);
  if (Object.keys(changes).length === 0) throw badUserInput('ledger names nothing to change.', 'ledger');
  return marketWrites.event(em, viewer, {
    id,
    effectiveOn: today(),
    afterLastChange: false,
    apply: (row) => Object.assign(row, changes),
    action: 'UPDATE_MARKET_LEDGER',
    detail: { fields: Object.keys(changes) },
  });
}

/** Names the market's operator (举办者), or clears it (null): not dated, the latest answer stands. */
export function setMarketOperator(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  operatorId: string | null,
): Promise<MarketRow> {
  assertRole(viewer, WRITER_ROLES, 'change market operators');
  if (operatorId) assertUuid(operatorId, 'operatorId');
  return marketWrites.event(em, viewer, {
    id,
    effectiveOn: today(),
    afterLastChange: false,
    check: async (_row, tx) => {
      if (operatorId) await requireOperator(tx, operatorId, 'operatorId');
    },
    apply: (row) => Object.assign(row, { operatorId }),
    action: 'SET_MARKET_OPERATOR',
    detail: { operatorId },
  });
}
