import { strict as assert } from 'assert';
import { analyzeFabric } from '../../../server/src/core/analysis/analyze';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';

function bigFabric(spines: number, leaves: number): string {
  const out: string[] = ['topology: big', 'switches:'];
  for (let s = 1; s <= spines; s++) out.push(`  spine${s}: { role: spine, ports: [{ count: ${leaves}, speed: 400G }] }`);
  for (let l = 1; l <= leaves; l++) {
    out.push(`  leaf${l}: { role: leaf, ports: [{ count: 48, speed: 100G, for: servers }, { count: ${spines}, speed: 400G }] }`);
  }
  out.push('links:');
  for (let l = 1; l <= leaves; l++) {
    for (let s = 1; s <= spines; s++) out.push(`  - { between: [leaf${l}, spine${s}], speed: 400G }`);
  }
  return out.join('\n');
}

// Speed is measured by `npm run bench` (bench/), never by timed tests: these check the results on big inputs.
describe('analysis of big fabrics', () => {
  it('a 64-spine × 2048-leaf fabric (131,072 links): no findings, every link counted', function () {
    this.timeout(60_000);
    const text = bigFabric(64, 2048);
    const parsed = parseYaml(text);
    assert.deepEqual(parsed.errors, []);
    const lines = new LineIndex(text);
    const result = analyzeFabric(parsed.root, lines);
    assert.deepEqual(result.findings, []);
    assert.equal(result.model.links.length, 131_072);
    const leaf = result.model.switches.get('leaf2048')!;
    assert.equal(leaf.ecmpPaths, 64);
    assert.equal(leaf.uplinkGbps, 64 * 400);
  });

  it('the same fabric with one link: isolated switches and spines without leaves, no switch × switch blow-up', function () {
    this.timeout(60_000);
    const text = bigFabric(64, 2048).replace(/\nlinks:[\s\S]*$/, '\nlinks:\n  - { between: [leaf1, spine1], speed: 400G }');
    const parsed = parseYaml(text);
    const result = analyzeFabric(parsed.root, new LineIndex(text));
    assert.equal(result.findings.filter((f) => f.rule === 'isolated-switch').length, 63 + 2047);
    assert.equal(result.findings.filter((f) => f.rule === 'spine-connectivity').length, 1);
  });
});
