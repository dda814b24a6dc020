import type { MarketVendorCounts } from '../vendor/vendor-counts.js';
import { StandardItem } from './standard-item.js';

/**
 * What the system's own data says of an item (预填): member information is kept when registry knows
 * vendor members in the market; the role is substantive when every vendor member has a 三亮 plate
 * hung. Organization coverage, workers and trainings live in other subgraphs not yet fed to markets.
 */
export function suggestion(
  item: StandardItem,
  vendors: MarketVendorCounts,
): { suggested: boolean | null; because: string } {
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
  return { suggested: null, because: 'not known to markets yet (organizations and assessments do not feed it)' };
}
