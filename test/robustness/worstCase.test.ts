/**
 * Findings-dense and huge inputs over the real server (issue 13): each class that was
 * quadratic, overflowed the stack or blew up a payload, at a size that used to take tens of
 * seconds or publish nothing. Only generous liveness bounds here: speed is `npm run bench`'s job.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { assertAlive, assertDiagnosticsSane, assertHoverSane, codes, freshUri, hoverText, openTimed, positionOf, timedHover, useSession } from './support';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/findingCap';

/** Liveness bound for a dense file on a slow, shared 2-core CI machine (these took minutes before). */
const DENSE_LIMIT_MS = 25_000;
const pad = (i: number): string => String(i).padStart(6, '0');

const HEAD = 'topology: dense\ndesign:\n  min_spines: 1\nswitches:\n';
const spine = (name: string, ports = 1_000_000, speed = '100G'): string => `  ${name}: { role: spine, ports: [{ count: ${ports}, speed: ${speed}, for: fabric }] }\n`;
const leaf = (name: string, uplinks = 4): string => `  ${name}: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: ${uplinks}, speed: 100G, for: fabric }] }\n`;
const link = (a: string, b: string, speed = '100G'): string => `  - { between: [${a}, ${b}], speed: ${speed} }\n`;

function byRule(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = out.get(String(d.code)) ?? [];
    list.push(d);
    out.set(String(d.code), list);
  }
  return out;
}

/** The rule's findings are capped: MAX_FINDINGS_PER_RULE, then one summary naming how many more. */
function assertCapped(diagnostics: readonly Diagnostic[], rule: string, total: number): void {
  const list = byRule(diagnostics).get(rule) ?? [];
  assert.equal(list.length, MAX_FINDINGS_PER_RULE + 1, `${rule}: ${list.length} diagnostics`);
  const summary = list[list.length - 1];
  assert.match(summary.message, new RegExp(`^… and ${total - MAX_FINDINGS_PER_RULE} more \`${rule}\` findings in this file, the first on line ${summary.range.start.line + 1}:`));
}

describe('robustness: findings-dense files (over the LSP server)', function () {
  this.timeout(60_000);
  const session = useSession();

  it('40,000 entries repeating one leaf–spine pair: linear duplicate-link, capped', async () => {
    const n = 40_000;
    const text = `${HEAD}${spine('spine1')}${leaf('leaf1', 1_000_000)}links:\n${link('leaf1', 'spine1').repeat(n)}`;
    const diagnostics = await openTimed(session(), freshUri('repeated-pair'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    assertCapped(diagnostics, 'duplicate-link', n - 1);
    const first = diagnostics.find((d) => d.code === 'duplicate-link')!;
    assert.match(first.message, /already linked by the entry on line 8: merge the entries into one with `count: 2`/);
    assert.equal(first.relatedInformation?.length, 1);
    const last = byRule(diagnostics).get('duplicate-link')![MAX_FINDINGS_PER_RULE - 1];
    assert.match(last.message, /`count: 1001`/);
  });

  it('40,000 entries repeating one leaf–leaf pair: duplicate-link\'s second path and tier-violation, capped', async () => {
    const n = 40_000;
    const text = `${HEAD}${spine('spine1')}${leaf('leaf1', 1_000_000)}${leaf('leaf2', 1_000_000)}links:\n${link('leaf1', 'spine1')}${link('leaf2', 'spine1')}${link('leaf1', 'leaf2').repeat(n)}`;
    const diagnostics = await openTimed(session(), freshUri('repeated-peer-pair'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    assertCapped(diagnostics, 'duplicate-link', n - 1);
    assertCapped(diagnostics, 'tier-violation', n);
  });

  it('20,000 links to unknown names among 10,000 leaves: bounded did-you-mean that still finds the typo', async () => {
    const n = 20_000;
    let text = `${HEAD}${spine('spine1')}`;
    for (let j = 0; j < n / 2; j++) text += leaf(`leaf-${pad(j)}`);
    text += 'links:\n';
    for (let i = 0; i < n; i++) text += link(`lef-${pad(i)}`, 'spine1');
    const diagnostics = await openTimed(session(), freshUri('unknown-names'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    assertCapped(diagnostics, 'unknown-switch', n);
    const unknown = byRule(diagnostics).get('unknown-switch')!;
    assert.match(unknown[0].message, /^`lef-000000` is not a switch: .* Did you mean `leaf-000000`\?$/);
    assert.match(unknown[123].message, /Did you mean `leaf-000123`\?$/);
  });

  it('10,000 leaves each missing a spine link: every finding with related information, capped', async () => {
    const leaves = 10_000;
    let text = HEAD;
    for (let i = 1; i <= 4; i++) text += spine(`spine-${i}`, leaves);
    for (let j = 0; j < leaves; j++) text += leaf(`leaf-${pad(j)}`);
    text += 'links:\n';
    for (let j = 0; j < leaves; j++) for (let i = 1; i <= 4; i++) if (i !== 1 + (j % 4)) text += link(`leaf-${pad(j)}`, `spine-${i}`);
    const diagnostics = await openTimed(session(), freshUri('missing-links'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    assertCapped(diagnostics, 'spine-connectivity', leaves);
    for (const d of byRule(diagnostics).get('spine-connectivity')!.slice(0, MAX_FINDINGS_PER_RULE)) assert.ok((d.relatedInformation?.length ?? 0) >= 1, d.message);
  });

  it('140,000 unknown root keys and 130,000 unknown aliases: diagnostics are published, not a stack overflow', async () => {
    const keys = Array.from({ length: 140_000 }, (_, i) => `k${i}: 1\n`).join('');
    const text = `topology: t\nswitches: {}\n${keys}`;
    const diagnostics = await openTimed(session(), freshUri('root-keys'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    assertCapped(diagnostics, 'schema', 140_000);
    const aliases = `topology: t\nswitches: {}\nx: [${Array.from({ length: 130_000 }, (_, i) => `*a${i}`).join(', ')}]\n`;
    const syntax = await openTimed(session(), freshUri('aliases'), aliases, DENSE_LIMIT_MS);
    assert.deepEqual(codes(syntax), ['yaml-syntax']);
    assert.match(syntax[0].message, /unidentified alias "a0"/);
    assertAlive(session());
  });

  it('130,000 switches: the outline and switch completion are complete', async () => {
    const n = 130_000;
    let text = `${HEAD}${spine('spine1')}`;
    for (let j = 0; j < n; j++) text += `  l${j}: { role: leaf, ports: [{ count: 1, speed: 1G }] }\n`;
    text += 'links:\n  - { between: [l0, spine1], speed: 1G }\n';
    const uri = freshUri('many-switches');
    const diagnostics = await openTimed(session(), uri, text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    const full = text;
    const symbols = await session().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const switches = symbols.find((s) => s.name === 'Switches');
    assert.equal(switches?.children?.find((c) => c.name === 'Leaves')?.children?.length, n);
    const completion = await session().request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(full, 'between: [', 0, 'between: ['.length),
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(items.length >= n, `${items.length} completion items`);
  });

  it('2 switches with 10,000 port groups and 1,000 links faster than any: related entries stay bounded', async () => {
    const groups = Array.from({ length: 10_000 }, () => '{ count: 1, speed: 10G, for: fabric }').join(', ');
    const text = `${HEAD}  spine1: { role: spine, ports: [${groups}] }\n  leaf1: { role: leaf, ports: [${groups}] }\nlinks:\n${link('leaf1', 'spine1', '400G').repeat(1000)}`;
    const diagnostics = await openTimed(session(), freshUri('port-groups'), text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    const speed = byRule(diagnostics).get('link-speed')!;
    assert.equal(speed.length, 1000);
    // At most 50 per finding, and 10,000 per document (the server's wire budget): the first ones get all 50.
    for (const d of speed) assert.ok((d.relatedInformation?.length ?? 0) <= 50);
    assert.equal(speed[0].relatedInformation?.length, 50);
    const total = diagnostics.reduce((n, d) => n + (d.relatedInformation?.length ?? 0), 0);
    assert.ok(total <= 10_000, `${total} related locations`);
    assert.match(speed[0].message, /^This 400G link is faster than every port of `leaf1` \(fastest 10G\) and `spine1` \(fastest 10G\)/);
  });

  it('a server group on 5,000 leaves: its hover lists a screenful and says how many more', async () => {
    const n = 5_000;
    let text = `${HEAD}${spine('spine1', n)}`;
    for (let j = 0; j < n; j++) text += leaf(`leaf-${pad(j)}`, 1);
    text += `servers:\n  web:\n    count: ${n * 10}\n    nics: { count: 2, speed: 25G }\n    leaves: [${Array.from({ length: n }, (_, j) => `leaf-${pad(j)}`).join(', ')}]\nlinks:\n`;
    for (let j = 0; j < n; j++) text += link(`leaf-${pad(j)}`, 'spine1');
    const uri = freshUri('spread-group');
    const diagnostics = await openTimed(session(), uri, text, DENSE_LIMIT_MS);
    assertDiagnosticsSane(diagnostics, text);
    const hover = await timedHover(session(), uri, positionOf(text, '  web:', 0, 3), 5000);
    assertHoverSane(hover, text, 'web');
    const markdown = hoverText(hover!);
    assert.ok(markdown.length < 4000, `${markdown.length} characters`);
    assert.match(markdown, /`leaf-000019`: 20, … and 4980 more leaves/);
  });

  it('huge counts (1,000,000 servers × 1,000,000 NICs, ports and parallel links; then 1e9): no loop per NIC, port or cable', async () => {
    for (const n of [1_000_000, 1_000_000_000]) {
      const text = `${HEAD}  spine1: { role: spine, ports: [{ count: ${n}, speed: 100G, for: fabric }] }
  leaf1: { role: leaf, ports: [{ count: ${n}, speed: 25G, for: servers }, { count: ${n}, speed: 100G, for: fabric }] }
servers:
  rack: { count: ${n}, nics: { count: ${Math.min(n, 1_000_000)}, speed: 25G }, leaves: [leaf1] }
links:
  - { between: [leaf1, spine1], speed: 100G, count: ${n} }
`;
      const uri = freshUri('huge-counts');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      if (n > 1_000_000) assert.ok(diagnostics.every((d) => d.code === 'schema' || d.code === 'spine-redundancy' || d.code === 'port-capacity' || d.code === 'oversubscription'), JSON.stringify(codes(diagnostics)));
      else assert.ok(diagnostics.some((d) => d.code === 'port-capacity' && /1000000000000/.test(d.message)), JSON.stringify(diagnostics.map((d) => d.message)));
      assertHoverSane(await timedHover(session(), uri, positionOf(text, 'leaf1:', 0, 2)), text, 'leaf1');
      assertHoverSane(await timedHover(session(), uri, positionOf(text, 'rack:', 0, 2)), text, 'rack');
    }
  });
});

describe('robustness: long lines and completion (over the LSP server)', function () {
  this.timeout(30_000);
  const session = useSession();

  for (const [name, line] of [
    ['a 200,000-character word', `  ${'x'.repeat(200_000)}`],
    ['200,000 spaces after a word', `  - a${' '.repeat(200_000)}`],
    ['a 200,000-character flow list', `  - { between: [${'ab '.repeat(66_000)}`],
  ] as const) {
    it(`${name}: completion on a half-typed link answers within 3 s, on that line and at the file's end`, async () => {
      const text = `${HEAD}${spine('spine1')}${leaf('leaf1')}links:\n${line}\n  - { between: [leaf1, `;
      const uri = freshUri('long-line');
      await openTimed(session(), uri, text, 10_000);
      for (const position of [positionOf(text, line.slice(0, 20), 0, line.length), positionOf(text, '[leaf1, ', 0, '[leaf1, '.length)]) {
        const started = Date.now();
        await session().request('textDocument/completion', { textDocument: { uri }, position });
        assert.ok(Date.now() - started < 3000, `completion took ${Date.now() - started} ms`);
      }
      assertAlive(session());
    });
  }
});

describe('robustness: names that could spoof (over the LSP server)', function () {
  this.timeout(20_000);
  const session = useSession();
  const RAW = /[\u0085\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

  it('bidi overrides, zero-width characters and line separators reach messages, hovers and the outline escaped', async () => {
    const evil = ['sp\u202Eine1', 'le\u200Baf1', 'le\u2028af2', 'le\u2066af3\u2069'];
    let text = `${HEAD}${spine('spine1')}${leaf('leaf1')}${evil.map((name) => `  "${name}": { role: leaf, ports: [{ count: 48, speed: 25G }] }\n`).join('')}`;
    text += `servers:\n  "w\u202Eeb": { count: 8, nics: { count: 1, speed: 25G }, leaves: ["le\u200Baf1"] }\nlinks:\n${link('leaf1', 'spine1')}`;
    text += evil.map((name) => `  - { between: ["${name}", spine1], speed: 100G }\n`).join('');
    const uri = freshUri('spoof');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.doesNotMatch(d.message, RAW, d.message);
      for (const r of d.relatedInformation ?? []) assert.doesNotMatch(r.message, RAW, r.message);
    }
    assert.ok(diagnostics.some((d) => d.message.includes('`sp\\u202Eine1`')), JSON.stringify(diagnostics.map((d) => d.message)));
    for (const name of evil) {
      const hover = await timedHover(session(), uri, positionOf(text, `"${name}":`, 0, 2));
      assertHoverSane(hover, text, name);
      if (hover !== null) assert.doesNotMatch(hoverText(hover), RAW, hoverText(hover));
    }
    const symbols = await session().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const all: string[] = [];
    const walk = (list: readonly DocumentSymbol[]): void => {
      for (const s of list) {
        all.push(s.name, s.detail ?? '');
        walk(s.children ?? []);
      }
    };
    walk(symbols);
    for (const s of all) assert.doesNotMatch(s, RAW, s);
    assert.ok(all.includes('le\\u200Baf1'), all.join(' | '));
  });

  it('NFC/NFD twins print differently and unknown-switch suggests the twin', async () => {
    const nfc = 'caf\u00E9';
    const nfd = 'cafe\u0301';
    const text = `${HEAD}${spine('spine1')}${leaf(nfc)}links:\n${link(nfc, 'spine1')}${link(nfd, 'spine1')}`;
    const diagnostics = await openTimed(session(), freshUri('nfc'), text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-switch');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].message.startsWith('`cafe\\u0301` is not a switch'), true, unknown[0].message);
    assert.match(unknown[0].message, /Did you mean `café`\?$/);
  });

  it('rename refuses a control character and keeps a block-scalar reference valid', async () => {
    const text = `${HEAD}${spine('spine1')}${leaf('leaf1')}servers:\n  web:\n    count: 8\n    nics: { count: 1, speed: 25G }\n    leaves:\n      - |-\n        leaf1\nlinks:\n${link('leaf1', 'spine1')}`;
    const uri = freshUri('rename');
    await openTimed(session(), uri, text, 5000);
    const position = positionOf(text, 'leaf1:', 0, 2);
    await assert.rejects(
      session().request('textDocument/rename', { textDocument: { uri }, position, newName: 'leaf\u0007x' }),
      (e: unknown) => e instanceof Error && /U\+0007/.test(e.message),
    );
    const edit = await session().request<{ changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> }>('textDocument/rename', {
      textDocument: { uri },
      position,
      newName: 'rack a',
    });
    const edits = edit.changes?.[uri] ?? [];
    assert.equal(edits.length, 3);
    assert.ok(edits.some((e) => e.newText === '        rack a'), JSON.stringify(edits));
  });

  it('`count: !!float .inf` is a schema finding, never NaN', async () => {
    const text = `${HEAD}${spine('spine1')}${leaf('leaf1')}servers:\n  web: { count: !!float .inf, nics: { count: !!float .inf, speed: 25G }, leaves: [leaf1] }\nlinks:\n  - { between: [leaf1, spine1], speed: 100G, count: !!float -.inf }\n`;
    const diagnostics = await openTimed(session(), freshUri('inf'), text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    const schema = diagnostics.filter((d) => d.code === 'schema').map((d) => d.message);
    assert.ok(schema.includes('`count` of server group `web` must be at most 1000000; got `.inf`.'), JSON.stringify(schema));
    assert.ok(schema.some((m) => /`count` of link 1 must be at least 1; got `-\.inf`/.test(m)), JSON.stringify(schema));
  });
});

describe('robustness: the CLI on a findings-dense file', function () {
  this.timeout(60_000);
  const CLI = path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'topology-dense-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('caps each rule at 1,000 findings plus a summary; --all-findings lists all, in JSON and SARIF', () => {
    const n = 20_000;
    const file = path.join(dir, 'repeated.topology.yaml');
    writeFileSync(file, `${HEAD}${spine('spine1')}${leaf('leaf1', 1_000_000)}links:\n${link('leaf1', 'spine1').repeat(n)}`);
    const run = (...args: string[]): unknown => {
      const out = spawnSync(process.execPath, [CLI, 'lint', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: DENSE_LIMIT_MS });
      assert.ok(out.status === 0 || out.status === 1, `exit ${String(out.status)}: ${out.stderr}`);
      return JSON.parse(out.stdout) as unknown;
    };
    const capped = run('--format', 'json') as { files: { findings: { rule: string; message: string }[] }[] } | { findings: { rule: string; message: string }[] }[];
    const findings = (Array.isArray(capped) ? capped[0] : capped.files[0]).findings;
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(findings[findings.length - 1].message, /^… and 18999 more `duplicate-link` findings/);
    const all = run('--format', 'json', '--all-findings') as typeof capped;
    assert.equal((Array.isArray(all) ? all[0] : all.files[0]).findings.length, n - 1);
    const sarif = run('--format', 'sarif', '--all-findings') as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0].results.length, n - 1);
  });
});
