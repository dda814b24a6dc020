import type { EntityManager } from '@mikro-orm/postgresql';
import { anyCovers, assertNotBefore, domainError, writeDatedEvent, type Viewer } from '@xgz/kit';
import { alivePeriods } from './alive-periods.js';
import { organizationDissolved, OrganizationErrorCode } from './party-organization.errors.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';
import type { PartyOrganizationFactState } from './party-organization.facts.js';

export interface OrganizationEvent<Result> {
  organizationId: string;
  /** The day it happened, and the argument that gave it (named in errors). */
  on: string;
  dateArgument: string;
  /**
   * What the day asks of the organization. NOW (default): something begins that day and goes on
   * (coverage, a post, a membership, a check, an election) — it must be alive now and on that day.
   * ON_THE_DAY: something happened that day only (a meeting held) — alive then, perhaps dissolved
   * since. Either way a dissolution may not be dated on or before the day. NOT_REQUIRED: what ends
   * (coverage, a post, a membership) or is only planned, which may be recorded after it died.
   */
  alive?: 'NOW' | 'ON_THE_DAY' | 'NOT_REQUIRED';
  check?(organization: PartyOrganizationRow, tx: EntityManager): void | Promise<void>;
  /** Writes the event; what it returns is the write's answer. */
  apply(organization: PartyOrganizationRow, tx: EntityManager): Result | Promise<Result>;
  derive?(tx: EntityManager, organization: PartyOrganizationRow, result: Result): Promise<unknown>;
  audit: { action: string; detail?: Record<string, unknown> };
}

/** Refuses a day on which the organization did not live (before it was established, or while dissolved). */
export async function assertAliveOn(tx: EntityManager, organization: PartyOrganizationRow, on: string, argument: string): Promise<void> {
  assertNotBefore(on, organization.establishedOn, argument, 'the date the organization was established');
  if (!anyCovers(await alivePeriods(tx, organization.id), on)) {
    throw domainError(OrganizationErrorCode.OrganizationNotAlive, `${argument}: ${organization.name} was not alive on ${on} (it was dissolved then and re-formed later).`);
  }
}

/**
 * Something recorded against an organization on a date — a post, a membership, a meeting, a venue
 * check, an election, coverage — with the kit's dated-write recipe: the organization locked (so
 * writes about it queue), checked, applied, derived facts re-cut and audited in one transaction. It
 * does not change the organization's own dated state, so it may be dated before its last change;
 * what begins or happens moves the organization's latest record, before which it cannot be dissolved.
 */
export function writeOrganizationEvent<Result>(em: EntityManager, viewer: Viewer, event: OrganizationEvent<Result>): Promise<Result> {
  const alive = event.alive ?? 'NOW';
  return writeDatedEvent<PartyOrganizationRow, PartyOrganizationFactState, Result>(em, viewer, {
    entity: PartyOrganizationEntity,
    id: event.organizationId,
    what: 'party organization',
    effectiveOn: event.on,
    dateArgument: event.dateArgument,
    afterLastChange: false,
    check: async (organization, tx) => {
      if (alive === 'NOW' && organization.dissolvedOn) throw organizationDissolved(organization.name, organization.dissolvedOn);
      if (alive !== 'NOT_REQUIRED') await assertAliveOn(tx, organization, event.on, event.dateArgument);
      await event.check?.(organization, tx);
    },
    apply: async (organization, tx) => {
      const result = await event.apply(organization, tx);
      if (alive !== 'NOT_REQUIRED' && (!organization.latestRecordOn || event.on > organization.latestRecordOn)) organization.latestRecordOn = event.on;
      return result;
    },
    derive: (tx, organization, result) => event.derive?.(tx, organization, result) ?? Promise.resolve(),
    audit: { action: event.audit.action, subjectType: 'PartyOrganization', detail: event.audit.detail },
  });
}
