import { registerEnumType } from 'type-graphql';

/** Operating status (经营状态) of a market entity: registry's, and part of the facts it feeds others. */
export enum MarketEntityStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
}

registerEnumType(MarketEntityStatus, {
  name: 'MarketEntityStatus',
  description: 'Operating status (经营状态).',
  valuesConfig: {
    OPERATING: { description: 'Operating (在营)' },
    SUSPENDED: { description: 'Suspended (停歇业)' },
    DEREGISTERED: { description: 'Deregistered (注销); final' },
  },
});
