/**
 * Arithmetic edge cases: zero and absurd speeds, counts of 1e308 and 2^53+1, NaN and
 * infinities from YAML, a leaf with no uplinks, a spine with no leaves, huge products.
 * No message, hover or inlay hint may show NaN, Infinity or undefined.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  codes,
  freshUri,
  generateFabric,
  lineLengths,
  openTimed,
  timedHover,
  timedInlayHints,
  useSession,
} from './support';
import type { LspSession } from './support';

const BASE = generateFabric({ spines: 2, leaves: 2, serversPerLeaf: 24 });

interface Case {
  name: string;
  text: string;
  /** Rule ids that must be among the diagnostics. */
  expect: string[];
}

function edit(name: string, expect: string[], ...replacements: [string | RegExp, string][]): Case {
  let text = BASE;
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${name}: ${String(from)} not found`);
    text = next;
  }
  return { name, text, expect };
}

const LEAF1_PORTS = '      - { count: 48, speed: 25G, for: servers }\n      - { count: 2, speed: 100G, for: fabric }';

const CASES: Case[] = [
  edit('a link speed of 0G', ['schema'], ['between: [leaf1, spine1], speed: 100G', 'between: [leaf1, spine1], speed: 0G']),
  edit('a link speed of 0.000G and 0M', ['schema'], ['between: [leaf1, spine1], speed: 100G', 'between: [leaf1, spine1], speed: 0.000G'], ['between: [leaf2, spine1], speed: 100G', 'between: [leaf2, spine1], speed: 0M']),
  edit('every port and link at 0G', ['schema'], [/speed: 100G/g, 'speed: 0G'], [/speed: 25G/g, 'speed: 0G']),
  edit('the smallest speed (0.001M) everywhere', ['oversubscription'], [/speed: 100G/g, 'speed: 0.001M']),
  edit('the largest speed (999999.999T) everywhere', [], [/speed: 100G/g, 'speed: 999999.999T'], [/speed: 25G/g, 'speed: 999999.999T']),
  edit('a link count of 1e308', ['schema'], ['between: [leaf1, spine1], speed: 100G }', 'between: [leaf1, spine1], speed: 100G, count: 1e308 }']),
  edit('a link count of 2^53+1', ['schema'], ['between: [leaf1, spine1], speed: 100G }', 'between: [leaf1, spine1], speed: 100G, count: 9007199254740993 }']),
  edit('a link count of -1, 0 and 1.5', ['schema'], ['between: [leaf1, spine1], speed: 100G }', 'between: [leaf1, spine1], speed: 100G, count: -1 }'], ['between: [leaf1, spine2], speed: 100G }', 'between: [leaf1, spine2], speed: 100G, count: 0 }'], ['between: [leaf2, spine1], speed: 100G }', 'between: [leaf2, spine1], speed: 100G, count: 1.5 }']),
  edit('link counts of .inf, -.inf and .nan', ['schema'], ['between: [leaf1, spine1], speed: 100G }', 'between: [leaf1, spine1], speed: 100G, count: .inf }'], ['between: [leaf1, spine2], speed: 100G }', 'between: [leaf1, spine2], speed: 100G, count: -.inf }'], ['between: [leaf2, spine1], speed: 100G }', 'between: [leaf2, spine1], speed: 100G, count: .nan }']),
  edit('a tagged !!float .nan count', ['schema'], ['between: [leaf1, spine1], speed: 100G }', 'between: [leaf1, spine1], speed: 100G, count: !!float .nan }']),
  edit('a tagged !!int 1e400 count (unresolvable)', ['yaml-syntax'], ['between: [leaf1, spine2], speed: 100G }', 'between: [leaf1, spine2], speed: 100G, count: !!int 1e400 }']),
  edit('a tagged !!float 1e400 count (out of range: unresolvable)', ['yaml-syntax'], ['between: [leaf1, spine2], speed: 100G }', 'between: [leaf1, spine2], speed: 100G, count: !!float 1e400 }']),
  edit('a port count of 1e308', ['schema'], ['{ count: 48, speed: 25G, for: servers }', '{ count: 1e308, speed: 25G, for: servers }']),
  edit('a server count of 2^53+1', ['schema'], ['count: 24', 'count: 9007199254740993']),
  edit('a server count of .nan and NIC count of .inf', ['schema'], ['count: 24', 'count: .nan'], ['nics: { count: 1,', 'nics: { count: .inf,']),
  edit('the largest servers × NICs × speed (1e6 × 1e6 × 999999.999T)', ['link-speed', 'oversubscription'], ['count: 24\n    nics: { count: 1, speed: 25G }', 'count: 1000000\n    nics: { count: 1000000, speed: 999999.999T }']),
  edit('a server group with 0 servers and 0 NICs', ['schema'], ['count: 24\n    nics: { count: 1, speed: 25G }', 'count: 0\n    nics: { count: 0, speed: 25G }']),
  edit('a leaf with no uplinks (servers only)', ['isolated-switch'], ['  - { between: [leaf1, spine1], speed: 100G }\n', ''], ['  - { between: [leaf1, spine2], speed: 100G }\n', '']),
  edit('a leaf with no uplinks and no servers', ['isolated-switch'], ['  - { between: [leaf1, spine1], speed: 100G }\n', ''], ['  - { between: [leaf1, spine2], speed: 100G }\n', ''], ['    leaves: [leaf1]', '    leaves: [leaf2]']),
  edit('a leaf with no fabric ports at all', ['link-speed'], [LEAF1_PORTS, '      - { count: 48, speed: 25G, for: servers }']),
  edit('a spine with no leaves', ['isolated-switch'], ['  - { between: [leaf1, spine2], speed: 100G }\n', ''], ['  - { between: [leaf2, spine2], speed: 100G }\n', '']),
  edit('no spines at all', ['spine-redundancy'], [/ {2}spine\d:\n {4}role: spine\n {4}ports:\n {6}- \{ count: 2, speed: 100G \}\n/g, ''], [/ {2}- \{ between: \[leaf\d, spine\d\], speed: 100G \}\n/g, '']),
  edit('max_oversubscription of 1e308', ['schema'], ['max_oversubscription: 3', 'max_oversubscription: 1e308']),
  edit('max_oversubscription of 1e-300', ['schema'], ['max_oversubscription: 3', 'max_oversubscription: 1e-300']),
  edit('max_oversubscription of .nan', ['schema'], ['max_oversubscription: 3', 'max_oversubscription: .nan']),
  edit('max_oversubscription of .inf', ['schema'], ['max_oversubscription: 3', 'max_oversubscription: .inf']),
  edit('max_oversubscription just over a computed ratio', [], ['max_oversubscription: 3', 'max_oversubscription: 1.0000000001']),
  edit('min_spines of 1e308 and 2^53+1', ['schema'], ['max_oversubscription: 3', 'max_oversubscription: 3\n  min_spines: 9007199254740993']),
  edit('pods and planes of 1e308, .nan and true', ['schema'], ['    role: leaf\n', '    role: leaf\n    pod: 1e308\n'], ['    role: spine\n', '    role: spine\n    pod: .nan\n    plane: true\n']),
  edit('a self-link', ['tier-violation'], ['between: [leaf1, spine1]', 'between: [leaf1, leaf1]']),
  edit('a link with one end and with three', ['schema'], ['between: [leaf1, spine1]', 'between: [leaf1]'], ['between: [leaf1, spine2]', 'between: [leaf1, spine2, leaf2]']),
];

// A 5-stage (super-spine) fabric with degenerate numbers: spines with no uplinks, zero super-spine ports.
const FIVE_STAGE = `topology: five
switches:
  ss1: { role: super-spine, ports: [{ count: 1, speed: 400G }] }
  spine1: { role: spine, plane: 1, ports: [{ count: 2, speed: 100G }, { count: 1e308, speed: 400G, for: fabric }] }
  spine2: { role: spine, plane: 2, ports: [{ count: 2, speed: 100G }] }
  leaf1: { role: leaf, ports: [{ count: 1, speed: 100G, for: fabric }] }
links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: [leaf1, spine2], speed: 100G, count: 0 }
  - { between: [spine1, ss1], speed: 400G }
`;
CASES.push({ name: 'a 5-stage fabric with degenerate numbers', text: FIVE_STAGE, expect: ['schema', 'spine-connectivity'] });

async function hoverEveryLine(session: LspSession, uri: string, text: string, what: string): Promise<void> {
  const lengths = lineLengths(text);
  for (let line = 0; line < lengths.length; line++) {
    const firstWord = /\S/.exec(text.split(/\r\n|\r|\n/)[line]);
    const points = new Set([0, (firstWord?.index ?? 0) + 1, Math.floor(lengths[line] / 2), lengths[line] - 2]);
    for (const character of points) {
      if (character < 0 || character > lengths[line]) continue;
      assertHoverSane(await timedHover(session, uri, { line, character }), text, `${what} ${line}:${character}`);
    }
  }
}

describe('robustness: arithmetic edge cases (over the LSP server)', function () {
  this.timeout(20000);
  const session = useSession();

  for (const { name, text, expect } of CASES) {
    it(`${name}: no NaN, Infinity or undefined in messages, hovers or hints`, async () => {
      const uri = freshUri('arith');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      for (const rule of expect) assert.ok(codes(diagnostics).includes(rule), `expected ${rule} in ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`);
      await hoverEveryLine(session(), uri, text, name);
      await timedInlayHints(session(), uri, text);
      assertAlive(session());
    });
  }
});
