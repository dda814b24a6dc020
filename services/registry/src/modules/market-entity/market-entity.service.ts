import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotFuture,
  assertRole,
  assertUuid,
  badUserInput,
  domainError,
  onUniqueViolation,
  WRITER_ROLES,
  datedAggregate,
  RegistryFactType,
  type Viewer,
} from '@xgz/kit';
import { assertPlaceableRegion } from '../region/region-placement.js';
import { creditCodeProblem } from './credit-code.js';
import { MarketEntityTable, type MarketEntityRow } from './market-entity.entity.js';
import {
  duplicateCreditCode,
  invalidConversion,
  invalidStatusTransition,
  MarketEntityErrorCode,
} from './market-entity.errors.js';
import { requireOpenMarket } from '../market/fed-markets.js';
import { marketEntityFacts, type MarketEntityFactState } from './market-entity.facts.js';
import type { RegisterMarketEntityInput } from './market-entity.inputs.js';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

export const entityFactState = (
  row: Pick<MarketEntityRow, 'kind' | 'status' | 'regionCode' | 'employees' | 'marketId'>,
): MarketEntityFactState => ({
  kind: row.kind,
  status: row.status,
  regionCode: row.regionCode,
  employees: row.employees ?? null,
  marketId: row.marketId ?? null,
});

function assertCreditCode(code: string): void {
  const problem = creditCodeProblem(code);
  if (problem) throw badUserInput(`creditCode ${code} ${problem}.`, 'creditCode');
}

/** Registers an entity and starts its dated history (and figures) on its registration date. */
export async function registerMarketEntity(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterMarketEntityInput,
): Promise<MarketEntityRow> {
  assertRole(viewer, WRITER_ROLES, 'register market entities');
  const name = input.name.trim();
  if (!name) throw badUserInput('name must not be empty.', 'name');
  const creditCode = input.creditCode?.trim().toUpperCase() || null;
  if (creditCode) assertCreditCode(creditCode);
  else if (input.kind !== MarketEntityKind.INDIVIDUAL_BUSINESS)
    throw badUserInput('creditCode is required for enterprises and market operators.', 'creditCode');
  assertEmployees(input.employees);
  if (input.marketId) assertUuid(input.marketId, 'marketId');
  assertNotFuture(input.registeredOn, 'registeredOn');
  await assertPlaceableRegion(em, viewer, input.regionCode);

  const write = () =>
    marketEntityWrites.start(em, viewer, {
      check: async (tx) => {
        if (input.marketId) await requireOpenMarket(tx, input.marketId, input.registeredOn, 'marketId');
      },
      create: (tx) =>
        tx.create(MarketEntityTable, {
          id: crypto.randomUUID(),
          kind: input.kind,
          name,
          creditCode,
          regionCode: input.regionCode,
          industry: input.industry?.trim() || null,
          address: input.address?.trim() || null,
          marketId: input.marketId ?? null,
          status: MarketEntityStatus.OPERATING,
          statusSince: input.registeredOn,
          registeredOn: input.registeredOn,
          lastChangeOn: input.registeredOn,
          employees: input.employees ?? null,
          createdAt: new Date(),
          updatedAt: new Date(),
        }),
      from: input.registeredOn,
      reason: 'REGISTERED',
      action: 'REGISTER_ENTITY',
    });
  return onUniqueViolation(write, () => duplicateCreditCode(creditCode!));
}

function assertEmployees(employees: number | null | undefined): void {
  if (employees != null && employees < 0) throw badUserInput('employees must be 0 or more.', 'employees');
}

/** The kit's dated-write recipe bound to market entities: their table, history and audit subject. */
const marketEntityWrites = datedAggregate<MarketEntityRow, MarketEntityFactState>({
  entity: MarketEntityTable,
  what: 'market entity',
  subjectType: RegistryFactType.MarketEntity,
  history: { facts: marketEntityFacts, stateOf: entityFactState },
});

/** A dated change to an entity, with the kit's recipe (lock → check → apply → history → figures → audit). */
function changeEntity(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  effectiveOn: string,
  change: {
    reason: string;
    action: string;
    detail?: Record<string, unknown>;
    check(row: MarketEntityRow, tx: EntityManager): void | Promise<void>;
    apply(row: MarketEntityRow): void;
  },
): Promise<MarketEntityRow> {
  assertRole(viewer, WRITER_ROLES, 'change market entities');
  assertUuid(id);
  return marketEntityWrites.change(em, viewer, { id, effectiveOn, ...change });
}

/** Changes the operating status from `effectiveOn` (on or after the last change, not in the future). */
export function changeMarketEntityStatus(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  status: MarketEntityStatus,
  effectiveOn: string,
): Promise<MarketEntityRow> {
  return changeEntity(em, viewer, id, effectiveOn, {
    reason: 'STATUS_CHANGED',
    action: 'ENTITY_STATUS_CHANGED',
    detail: { status },
    check: (row) => {
      if (row.status === MarketEntityStatus.DEREGISTERED || row.status === status)
        throw invalidStatusTransition(row.status, status);
    },
    apply: (row) => {
      row.status = status;
      row.statusSince = effectiveOn;
    },
  });
}

/** The number of staff (从业人员) from `effectiveOn`: coverage denominators may count entities by size. */
export function changeMarketEntityEmployees(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  employees: number,
  effectiveOn: string,
): Promise<MarketEntityRow> {
  assertEmployees(employees);
  return changeEntity(em, viewer, id, effectiveOn, {
    reason: 'EMPLOYEES_CHANGED',
    action: 'ENTITY_EMPLOYEES_CHANGED',
    detail: { employees },
    check: (row) => {
      if (row.status === MarketEntityStatus.DEREGISTERED) throw invalidStatusTransition(row.status, row.status);
    },
    apply: (row) => {
      row.employees = employees;
    },
  });
}

/** 个转企: an individual business becomes a small/micro enterprise and keeps its past as history. */
export async function convertToEnterprise(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  creditCode: string,
  effectiveOn: string,
  newName?: string | null,
): Promise<MarketEntityRow> {
  const code = creditCode.trim().toUpperCase();
  assertCreditCode(code);
  const write = () =>
    changeEntity(em, viewer, id, effectiveOn, {
      reason: 'CONVERTED',
      action: 'ENTITY_CONVERTED',
      check: (row) => {
        if (row.kind !== MarketEntityKind.INDIVIDUAL_BUSINESS)
          throw invalidConversion(`it is a ${row.kind}, not an individual business`);
        if (row.status === MarketEntityStatus.DEREGISTERED) throw invalidConversion('it is deregistered');
      },
      apply: (row) => {
        row.kind = MarketEntityKind.SMALL_MICRO_ENTERPRISE;
        row.creditCode = code;
        if (newName?.trim()) row.name = newName.trim();
      },
    });
  return onUniqueViolation(write, () => duplicateCreditCode(code));
}

/**
 * The market an entity trades in (a vendor, 经营户) from a date: set, or moved from another; the market
 * must be known to registry's copy of markets' facts, inside the caller's region and open that day.
 * Markets' vendor figures follow through the feed, for both markets of a move.
 */
export function setMarketEntityMarket(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  marketId: string,
  effectiveOn: string,
): Promise<MarketEntityRow> {
  assertUuid(marketId, 'marketId');
  return changeEntity(em, viewer, id, effectiveOn, {
    reason: 'MARKET_CHANGED',
    action: 'ENTITY_MARKET_CHANGED',
    detail: { marketId },
    check: async (row, tx) => {
      if (row.status === MarketEntityStatus.DEREGISTERED) throw invalidStatusTransition(row.status, row.status);
      if (row.marketId === marketId) throw badUserInput(`The entity trades in market ${marketId} already.`, 'marketId');
      await requireOpenMarket(tx, marketId, effectiveOn, 'marketId');
    },
    apply: (row) => {
      row.marketId = marketId;
    },
  });
}

/** The entity stops trading in its market from a date (it leaves the market's vendors). */
export function clearMarketEntityMarket(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  effectiveOn: string,
): Promise<MarketEntityRow> {
  return changeEntity(em, viewer, id, effectiveOn, {
    reason: 'MARKET_CLEARED',
    action: 'ENTITY_MARKET_CLEARED',
    check: (row) => {
      if (!row.marketId)
        throw domainError(MarketEntityErrorCode.NotInMarket, 'The entity trades in no market: nothing to clear.');
    },
    apply: (row) => {
      row.marketId = null;
    },
  });
}
