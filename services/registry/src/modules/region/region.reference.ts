import type { RegistryContext } from '../../context.js';

/** Region is public reference data: any signed-in user may resolve any code. */
export const regionReference = {
  Region: {
    __resolveReference: (reference: { code: string }, ctx: RegistryContext) =>
      ctx.loaders.regions.byCode.load(reference.code),
  },
};
