/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and
 * A–Y without I, O, S, V, Z; characters 3–8 are the registering division code; the last is a
 * check character over the first 17 (weights 3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why `code` is not a valid credit code, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `has ${code.length} characters; a unified social credit code has 18`;
  const values = [...code].map((char) => ALPHABET.indexOf(char));
  const bad = values.findIndex((value) => value < 0);
  if (bad >= 0)
    return `character ${bad + 1} ("${code[bad]}") is not allowed (0-9 and A-Y without I, O, S, V, Z; upper case)`;
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return 'characters 3-8 must be the 6-digit division code of the registering authority';
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * values[index]!, 0);
  const expected = ALPHABET[(31 - (sum % 31)) % 31]!;
  if (code[17] !== expected)
    return `the check character is "${code[17]}" but should be "${expected}" — a character was probably mistyped`;
  return null;
}

/** Completes 17 characters with their check character (test data, demo data). */
export function withCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * ALPHABET.indexOf(first17[index]!), 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
