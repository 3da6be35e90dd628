/**
 * `--format sarif`: valid against the SARIF 2.1.0 JSON Schema (the copy @microsoft/jest-sarif ships,
 * lib/schemas/sarif-2.1.0-rtm.5.json, a draft-04 schema: checked with ajv-draft-04), and portable:
 * relative URIs under %SRCROOT%, columnKind, lesson links on the public repository, fingerprints.
 */
import { strict as assert } from 'assert';
import Ajv from 'ajv-draft-04';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../../../server/src/core/rules/catalog';
import { FINGERPRINT_KEY } from '../../../server/src/cli/sarif';
import { ROOT, example, run, scratch } from '../cli/cliHarness';

const SCHEMA_FILE = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; fullDescription: { text: string }; help: { text: string; markdown: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Result[];
  }[];
}

function validator(): (value: unknown) => string[] {
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (v: string) => /^[a-z][a-z0-9+.-]*:/i.test(v) && !/\s/.test(v));
  ajv.addFormat('uri-reference', (v: string) => !/\s/.test(v));
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

describe('SARIF output', () => {
  const validate = validator();
  let s: ReturnType<typeof scratch>;
  let sarif: Sarif;
  let exitCode: number;

  before(async () => {
    s = scratch({
      'fabrics/missing link.topology.yaml': example('missing-spine-link.topology.yaml'),
      'fabrics/ecmp.topology.yaml': example('ecmp-imbalance.topology.yaml'),
      'fabrics/mistakes.topology.yaml': fs.readFileSync(path.join(ROOT, 'examples', 'broken', 'fabric-mistakes.topology.yaml'), 'utf8'),
    });
    const r = await run(['lint', '--format', 'sarif', 'fabrics'], { cwd: s.dir });
    exitCode = r.code;
    sarif = JSON.parse(r.out) as Sarif;
  });
  after(() => s.cleanup());

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.equal(exitCode, 1);
    assert.deepEqual(validate(sarif), []);
    // The validator is real: a SARIF log without its required `runs` fails.
    assert.ok(validate({ version: '2.1.0' }).length > 0);
    assert.ok(validate({ ...sarif, runs: [{ ...sarif.runs[0], columnKind: 'bytes' }] }).length > 0);
  });

  it('is portable: URIs relative to %SRCROOT%, columnKind utf16CodeUnits', () => {
    const runLog = sarif.runs[0];
    assert.equal(runLog.columnKind, 'utf16CodeUnits');
    assert.equal(runLog.originalUriBaseIds['%SRCROOT%'].uri, `file://${s.dir}/`);
    const uris = [...new Set(runLog.results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation)))];
    assert.deepEqual(uris.sort(), [
      { uri: 'fabrics/ecmp.topology.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'fabrics/missing%20link.topology.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'fabrics/mistakes.topology.yaml', uriBaseId: '%SRCROOT%' },
    ].map((u) => JSON.stringify(u)).sort());
    assert.ok(!JSON.stringify(sarif).includes(`${s.dir}/fabrics`), 'no machine path in results');
  });

  it('describes every rule, with help and a lesson link on the public repository', () => {
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), RULE_IDS);
    for (const rule of rules) {
      assert.match(rule.helpUri, /^https:\/\/github\.com\/topology-tutor\/topology-tutor\/blob\/main\/lessons\/[a-z0-9-]+\.md#[a-z0-9-]+$/);
      assert.ok(rule.fullDescription.text.length > 20);
      assert.ok(rule.help.markdown.includes(`](${rule.helpUri})`), rule.id);
    }
    const results = sarif.runs[0].results;
    for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(results.filter((r) => r.ruleId === 'ecmp-imbalance').map((r) => [r.level, r.locations[0].physicalLocation.region.startLine]), [['warning', 32]]);
  });

  it('fingerprints results by rule and entity, stable when lines move', async () => {
    const results = sarif.runs[0].results;
    const prints = results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.ok(prints.every((p) => /^[0-9a-f]{64}$/.test(p)));
    assert.equal(new Set(prints).size, prints.length, 'two results never share a fingerprint (the two link-speed findings differ)');
    const shifted = scratch({ 'fabrics/ecmp.topology.yaml': `# a new comment\n# and another\n${example('ecmp-imbalance.topology.yaml')}` });
    try {
      const again = JSON.parse((await run(['lint', '--format', 'sarif', 'fabrics'], { cwd: shifted.dir })).out) as Sarif;
      const [moved] = again.runs[0].results;
      assert.equal(moved.locations[0].physicalLocation.region.startLine, 34);
      const original = results.find((r) => r.ruleId === 'ecmp-imbalance')!;
      assert.equal(moved.partialFingerprints[FINGERPRINT_KEY], original.partialFingerprints[FINGERPRINT_KEY]);
    } finally {
      shifted.cleanup();
    }
  });

  it('says whether the run succeeded, and why not', async () => {
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
    const t = scratch({ 'ok.topology.yaml': example('ecmp-imbalance.topology.yaml') });
    try {
      fs.mkdirSync(t.file('dir.topology.yaml'));
      fs.symlinkSync('/dev/zero', t.file('zero.topology.yaml'));
      const r = await run(['lint', '--format', 'sarif', 'ok.topology.yaml', 'zero.topology.yaml', '--lessons-base-url', 'https://docs.example.org/topology/lessons/'], { cwd: t.dir });
      assert.equal(r.code, 2);
      const failed = JSON.parse(r.out) as Sarif;
      assert.deepEqual(validate(failed), []);
      assert.equal(failed.runs[0].invocations[0].executionSuccessful, false);
      assert.match(failed.runs[0].invocations[0].toolExecutionNotifications![0].message.text, /cannot read zero\.topology\.yaml: it is a character device/);
      assert.ok(failed.runs[0].tool.driver.rules.every((rule) => rule.helpUri.startsWith('https://docs.example.org/topology/lessons/') && !rule.helpUri.includes('lessons//')));
      assert.equal(failed.runs[0].results.length, 1);
    } finally {
      t.cleanup();
    }
  });
});
