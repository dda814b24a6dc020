import { describe, expect, it } from 'vitest';
import { redactedErrorMessage } from '../src/logger.js';

describe('redactedErrorMessage', () => {
  it('removes SQL values and phone-like digit runs but keeps the shape of the error', () => {
    const error = new Error(
      `insert into "member" ("name", "mobile") values ('张三', '13812345678') - duplicate key value violates unique constraint "member_pkey"`,
    );
    const logged = redactedErrorMessage(error);
    expect(logged).not.toContain('张三');
    expect(logged).not.toContain('13812345678');
    expect(logged).toContain('duplicate key value violates unique constraint');
    expect(redactedErrorMessage(new Error('call 13912345678 now'))).toBe('Error: call # now');
  });

  it('removes every quoted value, however short, in any quotes', () => {
    const coercion = new Error('Variable "$input" got invalid value "隐私甲" at "input.name"; Expected type "String".');
    expect(redactedErrorMessage(coercion)).not.toContain('隐私甲');
    expect(redactedErrorMessage(new Error('unit “李记” and 「王五」 refused'))).toBe('Error: unit "?" and "?" refused');
  });
});
