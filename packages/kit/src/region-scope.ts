import type { Role, Viewer } from './auth.js';
import { forbidden } from './errors.js';

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
