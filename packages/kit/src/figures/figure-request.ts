import type { Viewer } from '../auth.js';
import { figureDate } from '../dates.js';
import { badUserInput } from '../errors.js';
import { assertRegionInScope } from '../region-scope.js';
import type { FigureRequest } from './figures.loader.js';

/**
 * What a figure field asks the figures loader for, checked the same way in every subgraph: the
 * region inside the viewer's (FORBIDDEN), at township level or above (figures are kept per
 * township), the date not in the future (today when omitted).
 */
export function figureRequest(
  viewer: Viewer,
  regionCode: string,
  asOf: string | null | undefined,
  what: string,
): FigureRequest {
  assertRegionInScope(viewer, regionCode, what);
  if (regionCode.length > 9)
    throw badUserInput(
      'Figures are kept down to township level: ask for the township (first 9 digits) instead.',
      'code',
    );
  return { regionCode, asOf: figureDate(asOf) };
}
