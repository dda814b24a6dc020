import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNotBefore, writeDatedChange, type Viewer } from '@xgz/kit';
import { organizationDissolved } from './party-organization.errors.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';
import type { PartyOrganizationFactState } from './party-organization.facts.js';

export interface OrganizationEvent {
  organizationId: string;
  /** The day it happened, and the argument that gave it (named in errors). */
  on: string;
  dateArgument: string;
  /** Refuse it when the organization is dissolved now, or the day is before it was established (default true). */
  living?: boolean;
  check?(organization: PartyOrganizationRow, tx: EntityManager): void | Promise<void>;
  apply(organization: PartyOrganizationRow, tx: EntityManager): void | Promise<void>;
  derive?(tx: EntityManager, organization: PartyOrganizationRow): Promise<unknown>;
  audit: { action: string; detail?: Record<string, unknown> };
}

/**
 * Something recorded against an organization on a date — a post, a membership, a meeting, a venue
 * check, an election, coverage — with the kit's dated-write recipe: the organization locked (so
 * writes about it queue), checked, applied, derived facts re-cut and audited in one transaction. It
 * does not change the organization's own dated state, so it may be dated before its last change.
 */
export function writeOrganizationEvent(em: EntityManager, viewer: Viewer, event: OrganizationEvent): Promise<PartyOrganizationRow> {
  return writeDatedChange<PartyOrganizationRow, PartyOrganizationFactState>(em, viewer, {
    entity: PartyOrganizationEntity,
    id: event.organizationId,
    what: 'party organization',
    effectiveOn: event.on,
    dateArgument: event.dateArgument,
    afterLastChange: false,
    check: async (organization, tx) => {
      if (event.living !== false) {
        if (organization.dissolvedOn) throw organizationDissolved(organization.name, organization.dissolvedOn);
        assertNotBefore(event.on, organization.establishedOn, event.dateArgument, 'the date the organization was established');
      }
      await event.check?.(organization, tx);
    },
    apply: event.apply,
    derive: event.derive,
    audit: { action: event.audit.action, subjectType: 'PartyOrganization', detail: event.audit.detail },
  });
}
