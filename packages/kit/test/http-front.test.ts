import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cachedReadiness } from '../src/http-front.js';

describe('readiness behind /readyz', () => {
  it('is checked at most once per interval however often it is asked', async () => {
    let checks = 0;
    const readiness = cachedReadiness(async () => ({ ready: ++checks > 0, checks }), 200);
    const answers = await Promise.all(Array.from({ length: 100 }, () => readiness()));
    expect(checks).toBe(1);
    expect(answers.every((answer) => answer.checks === 1)).toBe(true);
    await sleep(250);
    expect((await readiness()).checks).toBe(2);
  });
});
