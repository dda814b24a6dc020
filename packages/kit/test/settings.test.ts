import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineSettings } from '../src/settings.js';

describe('module settings', () => {
  const settings = defineSettings({ SAMPLE_DAYS: z.coerce.number().int().positive().default(30) });

  it('are read where used, and bound from the environment a subgraph starts with', () => {
    expect(settings.variables).toEqual(['SAMPLE_DAYS']);
    expect(settings.get().SAMPLE_DAYS).toBe(30);
    expect(settings.bind({ SAMPLE_DAYS: '45' }).SAMPLE_DAYS).toBe(45);
    expect(settings.get().SAMPLE_DAYS).toBe(45);
    expect(settings.bind({}).SAMPLE_DAYS).toBe(30);
  });

  it('fail fast naming the variable, and keep the values in force', () => {
    settings.bind({ SAMPLE_DAYS: '12' });
    expect(() => settings.bind({ SAMPLE_DAYS: '-1' })).toThrow(/SAMPLE_DAYS/);
    expect(settings.get().SAMPLE_DAYS).toBe(12);
  });
});
