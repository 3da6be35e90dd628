/** Shared helpers for the fabric analysis tests. */
import { strict as assert } from 'assert';
import { analyzeFabric, type AnalysisResult } from '../../../server/src/core/analysis/analyze';
import type { Finding } from '../../../server/src/core/findings';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';

export function run(text: string): AnalysisResult {
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.errors, [], 'test YAML must parse');
  return analyzeFabric(parsed.root, new LineIndex(text));
}

export function findings(text: string, rule?: string): Finding[] {
  const all = run(text).findings;
  assertNoBadNumbers(all);
  return rule === undefined ? all : all.filter((f) => f.rule === rule);
}

/** No message or related message may show NaN, Infinity or undefined. */
export function assertNoBadNumbers(list: readonly Finding[]): void {
  for (const f of list) {
    for (const text of [f.message, ...(f.related ?? []).map((r) => r.message)]) {
      assert.doesNotMatch(text, /NaN|Infinity|undefined|\bnull\b|\[object/, `bad text in ${f.rule}: ${text}`);
    }
  }
}

export function rules(list: readonly Finding[]): string[] {
  return list.map((f) => f.rule);
}
