/**
 * No silent failure: an exception in the fabric analysis (a rule, or the model build) becomes one
 * `internal-error` finding asking for a bug report, its stack stays on the result for the log, and
 * the other rules' findings survive. No example and no fuzz document may produce it
 * (test/fuzz/properties.ts checks the fuzz documents).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFabric, INTERNAL_ERROR_RULE, MODEL_CONTEXT } from '../../../server/src/core/analysis/analyze';
import { lintText } from '../../../server/src/core/lint';
import { FABRIC_RULES } from '../../../server/src/core/rules/fabricRules';
import type { FabricRule } from '../../../server/src/core/rules/ruleContext';
import { ruleInfo } from '../../../server/src/core/rules/catalog';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';
import { EXAMPLES, topologyFiles, yaml } from '../helpers';

/** One leaf missing a spine link (spine-connectivity) and an unlinked switch (isolated-switch). */
const TEXT = yaml`
  topology: t
  switches:
    spine1: { role: spine, ports: [{ count: 32, speed: 100G }] }
    spine2: { role: spine, ports: [{ count: 32, speed: 100G }] }
    leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
    lonely: { role: leaf, ports: [{ count: 8, speed: 100G }] }
  links:
    - between: [leaf1, spine1]
      speed: 100G
`;

function analyse(rules: readonly FabricRule[], build?: NonNullable<Parameters<typeof analyzeFabric>[3]>["build"]): ReturnType<typeof analyzeFabric> {
  const parsed = parseYaml(TEXT);
  assert.deepEqual(parsed.errors, []);
  return analyzeFabric(parsed.root, new LineIndex(TEXT), rules, { build });
}

function throwing(id: string): FabricRule {
  return {
    id,
    check: () => {
      throw new TypeError(`${id} exploded`);
    },
  };
}

describe('internal-error', () => {
  it('is in the rule catalogue as an error with a lesson section', () => {
    const info = ruleInfo('internal-error');
    assert.ok(info !== undefined);
    assert.equal(info.defaultSeverity, 'error');
    assert.equal(info.learn.lesson, 'topology-format');
  });

  it('gives a throwing rule exactly one internal-error finding and keeps the other rules\' findings', () => {
    const healthy = analyse(FABRIC_RULES);
    assert.deepEqual(healthy.internalErrors, []);
    const ids = [...new Set(healthy.findings.map((f) => f.rule))].sort();
    assert.deepEqual(ids, ['isolated-switch', 'spine-connectivity']);

    const rules = [...FABRIC_RULES.slice(0, 3), throwing('ecmp-imbalance'), ...FABRIC_RULES.slice(3).filter((r) => r.id !== 'ecmp-imbalance')];
    const broken = analyse(rules);
    const internal = broken.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE);
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 'error');
    assert.deepEqual(internal[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.match(internal[0].message, /^Internal error in Topology Tutor: the rule `ecmp-imbalance` failed on this file, so its findings are missing\. Please report a bug naming `ecmp-imbalance`/);
    // Every other finding is still there, unchanged.
    assert.deepEqual(broken.findings.filter((f) => f.rule !== INTERNAL_ERROR_RULE), healthy.findings);
    assert.equal(broken.internalErrors.length, 1);
    assert.equal(broken.internalErrors[0].context, 'ecmp-imbalance');
    assert.match(broken.internalErrors[0].stack, /^TypeError: ecmp-imbalance exploded\n\s+at /);
  });

  it('reports several throwing rules in one finding, naming each', () => {
    const careless: FabricRule = {
      id: 'odd',
      check: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless rule may do
        throw 'not an Error';
      },
    };
    const result = analyse([throwing('tier-violation'), ...FABRIC_RULES, careless]);
    const internal = result.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE);
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /the rules `tier-violation` and `odd` failed on this file, so their findings are missing/);
    assert.deepEqual(result.internalErrors.map((e) => [e.context, e.stack.split('\n')[0]]), [['tier-violation', 'TypeError: tier-violation exploded'], ['odd', 'not an Error']]);
    assert.ok(result.findings.some((f) => f.rule === 'spine-connectivity'), 'the healthy rules still ran');
  });

  it('reports a model build that throws, with an empty model', () => {
    const result = analyse(FABRIC_RULES, () => {
      throw new RangeError('model exploded');
    });
    assert.deepEqual(result.findings.map((f) => f.rule), [INTERNAL_ERROR_RULE]);
    assert.match(result.findings[0].message, /building the fabric model failed on this file, so no fabric rule checked it\. Please report a bug naming `fabric-model`/);
    assert.deepEqual(result.internalErrors.map((e) => e.context), [MODEL_CONTEXT]);
    assert.equal(result.model.switches.size, 0);
  });

  it('does not appear for any example under examples/', () => {
    const files = topologyFiles(EXAMPLES);
    assert.ok(files.length >= 10, `found ${files.length} examples`);
    for (const file of files) {
      const result = lintText(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(result.analysis?.internalErrors ?? [], [], path.relative(EXAMPLES, file));
      assert.ok(!result.findings.some((f) => f.rule === INTERNAL_ERROR_RULE), path.relative(EXAMPLES, file));
    }
  });
});
