import type { EntityManager } from '@mikro-orm/postgresql';
import { anyCovers, assertNotBefore, domainError, type Viewer } from '@xgz/kit';
import { alivePeriods, type AlivePeriod } from './alive-periods.js';
import { organizationDissolved, OrganizationsErrorCode } from './party-organization.errors.js';
import type { PartyOrganizationRow } from './party-organization.entity.js';
import { partyOrganizationWrites } from './party-organization.writes.js';

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
  /** Writes the event, given the periods the organization lives (read to check the day; null when NOT_REQUIRED); what it returns is the write's answer. */
  apply(organization: PartyOrganizationRow, tx: EntityManager, alive: AlivePeriod[] | null): Result | Promise<Result>;
  derive?(tx: EntityManager, organization: PartyOrganizationRow, result: Result): Promise<unknown>;
  audit: { action: string; detail?: Record<string, unknown> };
}

/**
 * Checks a day against the organization's life, as `alive` asks (see OrganizationEvent): dissolved
 * now, before it was established, or in a gap of its life, it is refused. Returns the periods it
 * lives (null when nothing was asked), for what is written next.
 */
export async function checkEventDay(
  tx: EntityManager,
  organization: PartyOrganizationRow,
  on: string,
  argument: string,
  alive: NonNullable<OrganizationEvent<unknown>['alive']>,
): Promise<AlivePeriod[] | null> {
  if (alive === 'NOT_REQUIRED') return null;
  if (alive === 'NOW' && organization.dissolvedOn)
    throw organizationDissolved(organization.name, organization.dissolvedOn);
  assertNotBefore(on, organization.establishedOn, argument, 'the date the organization was established');
  const periods = await alivePeriods(tx, organization.id);
  if (!anyCovers(periods, on)) {
    throw domainError(
      OrganizationsErrorCode.OrganizationNotAlive,
      `${argument}: ${organization.name} was not alive on ${on} (it was dissolved then and re-formed later).`,
    );
  }
  return periods;
}

/** Something began or happened in the organization on `on`: it may not be dissolved on or before that day. */
export function recordDay(organization: PartyOrganizationRow, on: string): void {
  if (!organization.latestRecordOn || on > organization.latestRecordOn) organization.latestRecordOn = on;
}

/**
 * Something recorded against an organization on a date — a post, a membership, a meeting, a venue
 * check, an election, coverage — with the kit's dated-write recipe: the organization locked (so
 * writes about it queue), the day checked against its life, the event checked, applied, derived
 * facts re-cut and audited in one transaction. It does not change the organization's own dated
 * state, so it may be dated before its last change; what begins or happens is a recorded day,
 * before which it cannot be dissolved.
 */
export function writeOrganizationEvent<Result>(
  em: EntityManager,
  viewer: Viewer,
  event: OrganizationEvent<Result>,
): Promise<Result> {
  const alive = event.alive ?? 'NOW';
  return partyOrganizationWrites.event<Result>(em, viewer, {
    id: event.organizationId,
    effectiveOn: event.on,
    dateArgument: event.dateArgument,
    afterLastChange: false,
    apply: async (organization, tx) => {
      const periods = await checkEventDay(tx, organization, event.on, event.dateArgument, alive);
      await event.check?.(organization, tx);
      const result = await event.apply(organization, tx, periods);
      if (alive !== 'NOT_REQUIRED') recordDay(organization, event.on);
      return result;
    },
    derive: (tx, organization, result) => event.derive?.(tx, organization, result) ?? Promise.resolve(),
    action: event.audit.action,
    detail: event.audit.detail,
  });
}
