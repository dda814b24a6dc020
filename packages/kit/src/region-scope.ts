import { isRegionCode, type Role, type Viewer } from './auth.js';
import { badUserInput, forbidden } from './errors.js';

/** Region codes nest by prefix: a viewer at 3301 covers 3301 and every code that starts with it. */
export const coversRegion = (viewer: Viewer, regionCode: string) => regionCode.startsWith(viewer.regionCode);

/** Throws FORBIDDEN, naming the viewer's own region, when `regionCode` is outside their subtree. */
export function assertRegionInScope(viewer: Viewer, regionCode: string, what = 'figures'): void {
  if (!coversRegion(viewer, regionCode)) {
    throw forbidden(
      `Region ${regionCode} is outside your region ${viewer.regionCode}: you can read ${what} for ${viewer.regionCode} and the regions under it only.`,
    );
  }
}

/** Throws FORBIDDEN unless the viewer holds one of `roles`. */
export function assertRole(viewer: Viewer, roles: readonly Role[], action: string): void {
  if (!viewer.roles.some((role) => roles.includes(role))) {
    throw forbidden(`Your roles (${viewer.roles.join(', ')}) may not ${action}: it takes ${roles.join(' or ')}.`);
  }
}

/** Roles that may write records. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'official'];

/** Refuses a string that is not a division code (2, 4, 6, 9 or 12 digits), naming the argument. */
export function assertRegionCode(code: string, argument: string): void {
  if (!isRegionCode(code)) {
    throw badUserInput(
      `${argument} "${code}" is not a division code: use 2, 4, 6, 9 or 12 digits (e.g. 33, 3301, 330110).`,
      argument,
    );
  }
}

/**
 * The region a list or figure is asked for: the viewer's own when none is given; otherwise a
 * division code inside the viewer's region (BAD_USER_INPUT for a malformed code, FORBIDDEN outside).
 */
export function scopedRegion(viewer: Viewer, code: string | null | undefined, argument: string, what: string): string {
  const region = code ?? viewer.regionCode;
  assertRegionCode(region, argument);
  assertRegionInScope(viewer, region, what);
  return region;
}

/** Levels a record may be placed at, by code length. */
const PLACEABLE_LENGTHS: Record<string, readonly number[]> = {
  /** Entities, members, markets: a township or a village. */
  township: [9, 12],
  /** Organizations and workers may also sit at a county (a county-level committee). */
  county: [6, 9, 12],
};

/**
 * Checks a code a new record is placed at: the right level (`finest` township/village, or from
 * county down) and inside the viewer's region. Whether the code exists is checked against the
 * region tree by its owner (registry).
 */
export function assertPlaceableCode(
  viewer: Viewer,
  code: string,
  argument = 'regionCode',
  from: 'township' | 'county' = 'township',
): void {
  const lengths = PLACEABLE_LENGTHS[from]!;
  if (!/^\d+$/.test(code) || !lengths.includes(code.length)) {
    const levels =
      from === 'county'
        ? 'a county (6 digits), township (9) or village (12)'
        : 'a township (9 digits) or village (12 digits)';
    throw badUserInput(`${argument} "${code}" must be ${levels} code.`, argument);
  }
  assertRegionInScope(viewer, code, 'records');
}
