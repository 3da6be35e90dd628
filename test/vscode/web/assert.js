'use strict';
// The part of Node's `assert` the real-editor suite uses, for the web extension host (a browser
// worker, where Node's module is not): the web test bundle maps `require('assert')` here
// (scripts/vscode/run-tests.mjs --web). Strict semantics throughout, like `require('assert').strict`.

class AssertionError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    Object.assign(this, details);
  }
}

const show = (v) => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x) => (x instanceof RegExp ? String(x) : x));
  } catch {
    return String(v);
  }
};

function fail(message, fallback, details) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, details);
}

function deepEqual(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    const left = [...a.entries()];
    const right = [...b.entries()];
    return left.every(([k, v], i) => deepEqual(k, right[i][0], seen) && deepEqual(v, right[i][1], seen));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k], seen));
}

function ok(value, message) {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`, { actual: value, expected: true });
}

const assert = (value, message) => ok(value, message);
Object.assign(assert, {
  AssertionError,
  ok,
  fail: (message) => fail(message, 'Failed'),
  equal: (a, b, message) => Object.is(a, b) || fail(message, `Expected values to be strictly equal: ${show(a)} !== ${show(b)}`, { actual: a, expected: b }),
  strictEqual: (a, b, message) => Object.is(a, b) || fail(message, `Expected values to be strictly equal: ${show(a)} !== ${show(b)}`, { actual: a, expected: b }),
  notEqual: (a, b, message) => !Object.is(a, b) || fail(message, `Expected "actual" to be strictly unequal to: ${show(b)}`),
  notStrictEqual: (a, b, message) => !Object.is(a, b) || fail(message, `Expected "actual" to be strictly unequal to: ${show(b)}`),
  deepEqual: (a, b, message) => deepEqual(a, b) || fail(message, `Expected values to be strictly deep-equal:\n${show(a)}\n${show(b)}`, { actual: a, expected: b }),
  deepStrictEqual: (a, b, message) => deepEqual(a, b) || fail(message, `Expected values to be strictly deep-equal:\n${show(a)}\n${show(b)}`, { actual: a, expected: b }),
  notDeepStrictEqual: (a, b, message) => !deepEqual(a, b) || fail(message, `Expected "actual" not to be strictly deep-equal to: ${show(b)}`),
  match: (s, re, message) => re.test(s) || fail(message, `The input did not match the regular expression ${re}. Input: ${show(s)}`),
  doesNotMatch: (s, re, message) => !re.test(s) || fail(message, `The input was expected to not match the regular expression ${re}. Input: ${show(s)}`),
  ifError: (value) => {
    if (value !== null && value !== undefined) throw value;
  },
  throws: (fn, expected, message) => {
    try {
      fn();
    } catch (error) {
      if (expected instanceof RegExp) assert.match(String(error?.message ?? error), expected, message);
      return;
    }
    fail(typeof expected === 'string' ? expected : message, 'Missing expected exception.');
  },
  rejects: async (promiseOrFn, expected, message) => {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      if (expected instanceof RegExp) assert.match(String(error?.message ?? error), expected, message);
      return;
    }
    fail(typeof expected === 'string' ? expected : message, 'Missing expected rejection.');
  },
  doesNotReject: async (promiseOrFn, message) => {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      fail(message, `Got unwanted rejection: ${String(error?.message ?? error)}`);
    }
  },
});
assert.strict = assert;

module.exports = assert;
