import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotBefore,
  assertNotFuture,
  assertRole,
  assertUuid,
  badUserInput,
  FactHistory,
  lockForUpdate,
  onUniqueViolation,
  WRITER_ROLES,
  writeAudit,
  type Viewer,
} from '@xgz/kit';
import { assertPlaceableRegion } from '../region/region-placement.js';
import { creditCodeProblem } from './credit-code.js';
import { MarketEntityEntity, type MarketEntityRow } from './market-entity.entity.js';
import { duplicateCreditCode, invalidConversion, invalidStatusTransition } from './market-entity.errors.js';
import { marketEntityFacts, type MarketEntityFactState } from './market-entity.facts.js';
import type { RegisterMarketEntityInput } from './market-entity.inputs.js';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

const factState = (row: Pick<MarketEntityRow, 'kind' | 'status' | 'regionCode'>): MarketEntityFactState => ({
  kind: row.kind,
  status: row.status,
  regionCode: row.regionCode,
});

function assertCreditCode(code: string): void {
  const problem = creditCodeProblem(code);
  if (problem) throw badUserInput(`creditCode ${code} ${problem}.`, 'creditCode');
}

/** Registers an entity and starts its dated history (and figures) on its registration date. */
export async function registerMarketEntity(em: EntityManager, viewer: Viewer, input: RegisterMarketEntityInput): Promise<MarketEntityRow> {
  assertRole(viewer, WRITER_ROLES, 'register market entities');
  const name = input.name.trim();
  if (!name) throw badUserInput('name must not be empty.', 'name');
  const creditCode = input.creditCode?.trim().toUpperCase() || null;
  if (creditCode) assertCreditCode(creditCode);
  else if (input.kind !== MarketEntityKind.INDIVIDUAL_BUSINESS) throw badUserInput('creditCode is required for enterprises and market operators.', 'creditCode');
  if (input.employees != null && input.employees < 0) throw badUserInput('employees must be 0 or more.', 'employees');
  if (input.marketId) assertUuid(input.marketId, 'marketId');
  assertNotFuture(input.registeredOn, 'registeredOn');
  await assertPlaceableRegion(em, viewer, input.regionCode);

  const write = () =>
    em.transactional(async (tx) => {
      const now = new Date();
      const row = tx.create(MarketEntityEntity, {
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
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      await new FactHistory(tx, marketEntityFacts).start(row.id, input.registeredOn, factState(row), { reason: 'REGISTERED', actor: viewer.subject });
      await writeAudit(tx, viewer, [{ action: 'REGISTER_ENTITY', subjectType: 'MarketEntity', subjectId: row.id, regionCode: row.regionCode }]);
      return row;
    });
  return onUniqueViolation(write, () => duplicateCreditCode(creditCode!));
}

/** Changes the operating status from `effectiveOn` (on or after the last change, not in the future). */
export async function changeMarketEntityStatus(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  status: MarketEntityStatus,
  effectiveOn: string,
): Promise<MarketEntityRow> {
  assertRole(viewer, WRITER_ROLES, 'change market entities');
  assertUuid(id);
  assertNotFuture(effectiveOn, 'effectiveOn');
  return em.transactional(async (tx) => {
    const current = await lockForUpdate(tx, MarketEntityEntity, id, 'market entity');
    if (current.status === MarketEntityStatus.DEREGISTERED || current.status === status) throw invalidStatusTransition(current.status, status);
    assertNotBefore(effectiveOn, current.lastChangeOn, 'effectiveOn', 'the date of the last recorded change');
    current.status = status;
    current.statusSince = effectiveOn;
    current.lastChangeOn = effectiveOn;
    current.updatedAt = new Date();
    await tx.flush();
    await new FactHistory(tx, marketEntityFacts).change(id, effectiveOn, (state) => ({ ...state, status }), { reason: 'STATUS_CHANGED', actor: viewer.subject });
    await writeAudit(tx, viewer, [{ action: 'ENTITY_STATUS_CHANGED', subjectType: 'MarketEntity', subjectId: id, regionCode: current.regionCode, detail: { status, effectiveOn } }]);
    return current;
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
  assertRole(viewer, WRITER_ROLES, 'change market entities');
  assertUuid(id);
  const code = creditCode.trim().toUpperCase();
  assertCreditCode(code);
  assertNotFuture(effectiveOn, 'effectiveOn');
  const write = () =>
    em.transactional(async (tx) => {
      const current = await lockForUpdate(tx, MarketEntityEntity, id, 'market entity');
      if (current.kind !== MarketEntityKind.INDIVIDUAL_BUSINESS) throw invalidConversion(`it is a ${current.kind}, not an individual business`);
      if (current.status === MarketEntityStatus.DEREGISTERED) throw invalidConversion('it is deregistered');
      assertNotBefore(effectiveOn, current.lastChangeOn, 'effectiveOn', 'the date of the last recorded change');
      current.kind = MarketEntityKind.SMALL_MICRO_ENTERPRISE;
      current.creditCode = code;
      if (newName?.trim()) current.name = newName.trim();
      current.lastChangeOn = effectiveOn;
      current.updatedAt = new Date();
      await tx.flush();
      await new FactHistory(tx, marketEntityFacts).change(
        id,
        effectiveOn,
        (state) => ({ ...state, kind: MarketEntityKind.SMALL_MICRO_ENTERPRISE }),
        { reason: 'CONVERTED', actor: viewer.subject },
      );
      await writeAudit(tx, viewer, [{ action: 'ENTITY_CONVERTED', subjectType: 'MarketEntity', subjectId: id, regionCode: current.regionCode, detail: { effectiveOn } }]);
      return current;
    });
  return onUniqueViolation(write, () => duplicateCreditCode(code));
}
