import { strict as assert } from 'assert';
import { capFindings, MAX_FINDINGS_PER_RULE, summaryMessage } from '../../../server/src/core/findingCap';
import type { Finding } from '../../../server/src/core/findings';
import { lintText } from '../../../server/src/core/lint';

const finding = (rule: string, line: number): Finding => ({
  rule,
  severity: 'warning',
  message: `${rule} on ${line}`,
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
});

describe('finding cap: too many findings are summed up like a compiler does', () => {
  it('keeps everything at or under the cap', () => {
    const list = Array.from({ length: 5 }, (_, i) => finding('a', i));
    assert.deepEqual(capFindings(list, 5), list);
  });

  it('lists the first N per rule, then one summary at the first left-out finding', () => {
    const list: Finding[] = [];
    for (let i = 0; i < 10; i++) list.push(finding('a', i), finding('b', i));
    list.push(finding('c', 20));
    const capped = capFindings(list, 3);
    assert.deepEqual(
      capped.map((f) => `${f.rule}:${f.range.start.line}`),
      ['a:0', 'b:0', 'a:1', 'b:1', 'a:2', 'b:2', 'a:3', 'b:3', 'c:20'],
    );
    const summary = capped[6];
    assert.equal(summary.message, summaryMessage('a', 7, 4, 3));
    assert.equal(summary.message, '… and 7 more `a` findings in this file, the first on line 4: only the first 3 of each rule are listed. Fix these first, or run `topology-tutor lint --all-findings` to list them all.');
    assert.equal(summary.severity, 'warning');
    assert.deepEqual(summary.range, list[6].range);
    assert.equal(summary.related, undefined);
  });

  it('says "finding" for exactly one more', () => {
    assert.match(summaryMessage('x', 1, 3, 1000), /and 1 more `x` finding in this file/);
  });

  it('lintText caps at MAX_FINDINGS_PER_RULE unless asked for all', () => {
    const links = Array.from({ length: MAX_FINDINGS_PER_RULE + 50 }, () => '  - { between: [leaf1, spine1], speed: 100G }').join('\n');
    const text = `topology: t\nswitches:\n  spine1: { role: spine, ports: [{ count: 5000, speed: 100G }] }\n  leaf1: { role: leaf, ports: [{ count: 5000, speed: 100G }] }\nlinks:\n${links}\n`;
    const capped = lintText(text).findings.filter((f) => f.rule === 'duplicate-link');
    assert.equal(capped.length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(capped[capped.length - 1].message, /^… and 49 more `duplicate-link` findings in this file, the first on line 1007: only the first 1000 of each rule are listed\./);
    assert.equal(capped[capped.length - 1].range.start.line, 1006);
    const all = lintText(text, undefined, { allFindings: true }).findings.filter((f) => f.rule === 'duplicate-link');
    assert.equal(all.length, MAX_FINDINGS_PER_RULE + 49);
    // The sum in the last entry's message is the whole pair's, counted once per entry.
    assert.match(all[all.length - 1].message, /merge the entries into one with `count: 1050`/);
  });
});
