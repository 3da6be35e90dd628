/**
 * Switch, server-group and key names that are JavaScript object properties are ordinary
 * names: `constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`, `prototype`.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  codes,
  freshUri,
  generateFabric,
  hoverText,
  openTimed,
  positionOf,
  timedHover,
  timedInlayHints,
  useSession,
} from './support';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];

/** The generated 2×2 fabric with its switch names replaced. */
function renamed(spines: [string, string], leaves: [string, string]): string {
  return generateFabric({ spines: 2, leaves: 2 })
    .replace(/spine1/g, spines[0])
    .replace(/spine2/g, spines[1])
    .replace(/leaf1/g, leaves[0])
    .replace(/leaf2/g, leaves[1]);
}

describe('robustness: names that are JavaScript object properties (over the LSP server)', function () {
  this.timeout(15000);
  const session = useSession();

  it('a clean fabric whose switches are constructor, __proto__, toString, hasOwnProperty: no findings, hovers and hints work', async () => {
    const text = renamed(['constructor', '__proto__'], ['toString', 'hasOwnProperty']);
    const uri = freshUri('proto');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), [], JSON.stringify(diagnostics));
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const hover = await timedHover(session(), uri, positionOf(text, `  ${name}:`, 0, 3));
      assert.ok(hover !== null, `${name} has a hover`);
      assertHoverSane(hover, text, name);
      assert.ok(hoverText(hover).includes(name), `the hover names ${name}`);
    }
    const hints = await timedInlayHints(session(), uri, text);
    assert.equal(hints.length, 4, JSON.stringify(hints));
  });

  for (const name of NAMES) {
    it(`a link to an undefined \`${name}\` is one unknown-switch`, async () => {
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', `between: [leaf1, ${name}]`);
      const uri = freshUri('proto-link');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      const unknown = diagnostics.filter((d) => d.code === 'unknown-switch');
      assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
      assert.ok(unknown[0].message.includes(`\`${name}\``), unknown[0].message);
      assert.deepEqual(unknown[0].range.start, positionOf(text, name, 0, 0));
      assertHoverSane(await timedHover(session(), uri, positionOf(text, name)), text, name);
      assertAlive(session());
    });

    it(`a server group's leaf \`${name}\` that is not defined is one unknown-switch`, async () => {
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('leaves: [leaf1]', `leaves: [${name}]`);
      const diagnostics = await openTimed(session(), freshUri('proto-group'), text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics).filter((c) => c === 'unknown-switch'), ['unknown-switch'], JSON.stringify(diagnostics));
    });
  }

  it('server groups and design keys named like object properties', async () => {
    const text = generateFabric({ spines: 2, leaves: 2 }).replace('rack1:', '__proto__:').replace('rack2:', 'constructor:') + '__proto__: { polluted: true }\n';
    const uri = freshUri('proto-groups');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    // The extra top-level __proto__ key is an unknown key like any other.
    assert.deepEqual(codes(diagnostics), ['schema'], JSON.stringify(diagnostics));
    assert.match(diagnostics[0].message, /Unknown key `__proto__`/);
    const hover = await timedHover(session(), uri, positionOf(text, '  __proto__:', 0, 3));
    assert.ok(hover !== null, 'the __proto__ server group has a hover');
    assertHoverSane(hover, text, '__proto__ group');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution in the test process');
  });

  it('a switch called __proto__ defined twice is a duplicate key, not a merge', async () => {
    const text = generateFabric({ spines: 2, leaves: 2 }).replace('leaf2:', '__proto__:').replace('leaf1:', '__proto__:');
    const diagnostics = await openTimed(session(), freshUri('proto-dup'), text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), ['yaml-syntax'], JSON.stringify(diagnostics));
  });

  it('the server keeps answering normally afterwards (no polluted prototypes inside it)', async () => {
    const text = generateFabric({ spines: 2, leaves: 2 });
    const diagnostics = await openTimed(session(), freshUri('after-proto'), text, 5000);
    assert.deepEqual(codes(diagnostics), []);
    assertAlive(session());
  });
});
