import type { MarketVendorCounts } from '../vendor/vendor-counts.js';
import { StandardItem } from './standard-item.js';

/**
 * What the system's own data says of an item (预填): member information is kept when registry knows
 * vendor members in the market; organization coverage when organizations records a living
 * organization sitting in it; the role is substantive when every vendor member has a 三亮 plate
 * hung. Workers, rooms and trainings are not fed to markets yet.
 */
export function suggestion(
  item: StandardItem,
  vendors: MarketVendorCounts,
  withOrganization: boolean | null,
): { suggested: boolean | null; because: string } {
  if (item === StandardItem.ORGANIZATION_COVERAGE)
    return withOrganization === null
      ? { suggested: null, because: 'organizations has not reported on this market' }
      : withOrganization
        ? { suggested: true, because: 'organizations records a living party organization sitting in the market' }
        : { suggested: false, because: 'organizations records no party organization sitting in the market' };
  if (item === StandardItem.MEMBER_INFORMATION)
    return vendors.members > 0
      ? { suggested: true, because: `registry knows ${vendors.members} vendor members in the market` }
      : { suggested: false, because: 'registry knows no vendor members in the market' };
  if (item === StandardItem.ROLE) {
    if (vendors.members === 0) return { suggested: null, because: 'no vendor members to hang plates' };
    return {
      suggested: vendors.plates === vendors.members,
      because: `${vendors.plates} of ${vendors.members} vendor members have a 三亮 plate hung`,
    };
  }
  return {
    suggested: null,
    because: 'not known to markets yet (party workers, rooms and trainings are not fed to it)',
  };
}
