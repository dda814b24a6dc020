/** Bracket nesting as it is counted before parsing: brackets in strings, block strings and comments do not count. */
import { describe, expect, it } from 'vitest';
import { graphqlNestingDepth, jsonNestingDepth } from '../src/index.js';

describe('nesting depth', () => {
  it('counts the brackets of a document, not those in its strings, block strings or comments', () => {
    expect(graphqlNestingDepth('{ a(x: [[1]]) { b } }', 100)).toBe(4);
    expect(graphqlNestingDepth('{ a(x: "[[[[") }', 100)).toBe(2);
    expect(graphqlNestingDepth('{ a(x: """ [[[[ "" """) }', 100)).toBe(2);
    expect(graphqlNestingDepth('# {{{{\n{ a }', 100)).toBe(1);
    expect(graphqlNestingDepth('{ a(x: "\\"[[[") }', 100)).toBe(2);
    // Two strings side by side: the second is a string too.
    expect(graphqlNestingDepth('{ a(x: "x""[[[[") }', 100)).toBe(2);
  });

  it('stops counting once past the limit, however deep it goes', () => {
    expect(graphqlNestingDepth('['.repeat(100_000), 64)).toBe(65);
    expect(jsonNestingDepth('['.repeat(100_000), 64)).toBe(65);
  });

  it('counts JSON brackets outside strings', () => {
    expect(jsonNestingDepth('{"query":"{ a { b } }","variables":{"v":[[1]]}}', 100)).toBe(4);
    expect(jsonNestingDepth('{"a":"[\\"[["}', 100)).toBe(1);
  });
});
