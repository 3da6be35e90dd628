/**
 * Every file under examples/ (topology files and containerlab labs) declares what it shows with a
 * `# expect: rule-id[, rule-id]` (or `# expect: none`) comment; linting it must produce exactly those rules.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../../../server/src/core/lintDocument';
import { RULE_IDS } from '../../../server/src/core/rules/catalog';
import { EXAMPLES, labFiles, topologyFiles } from '../helpers';

export function expectedRules(text: string): string[] | undefined {
  const match = /^# expect: (.+)$/m.exec(text);
  if (match === null) return undefined;
  const value = match[1].trim();
  return value === 'none' ? [] : value.split(',').map((id) => id.trim()).sort();
}

describe('examples', () => {
  const files = [...topologyFiles(EXAMPLES), ...labFiles(EXAMPLES)];

  it('include a file for every rule (but internal-error: no file may produce it)', () => {
    const shown = new Set(files.flatMap((file) => expectedRules(fs.readFileSync(file, 'utf8')) ?? []));
    assert.deepEqual(RULE_IDS.filter((id) => id !== 'internal-error' && !shown.has(id)), []);
  });

  for (const file of files) {
    const name = path.relative(EXAMPLES, file);
    it(`${name} produces exactly the rules it expects`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = expectedRules(text);
      assert.ok(expected !== undefined, `${name} has an "# expect:" line`);
      const actual = [...new Set(lintDocument(file, text).findings.map((f) => f.rule))].sort();
      assert.deepEqual(actual, expected);
    });
  }
});
