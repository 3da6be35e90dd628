import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import type { LintResult } from '../../../server/src/core/lint';
import type { Finding } from '../../../server/src/core/findings';
import { fixAll, fixesFor, type CodeFix } from '../../../server/src/core/editing/quickFixes';
import { applyEdits } from '../../../server/src/core/editing/edits';
import { yaml } from '../helpers';
import { MISSING_LINK, SWITCHES_BLOCK } from './fixtures';

function findingOf(result: LintResult, rule: string, nth = 0): Finding {
  const found = result.findings.filter((f) => f.rule === rule)[nth];
  assert.ok(found, `expected a ${rule} finding, got ${result.findings.map((f) => f.rule).join(', ')}`);
  return found;
}

function fixOf(text: string, rule: string, title: RegExp, nth = 0): CodeFix {
  const result = lintText(text);
  const fixes = fixesFor(result, findingOf(result, rule, nth));
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix ${String(title)} among ${JSON.stringify(fixes.map((f) => f.title))}`);
  return fix;
}

/** Applies the fix and checks the rule no longer fires at all. */
function applyFix(text: string, rule: string, title: RegExp, nth = 0): string {
  const fix = fixOf(text, rule, title, nth);
  assert.ok(fix.edits, 'the fix edits the text');
  const out = applyEdits(text, fix.edits);
  const after = lintText(out).findings.filter((f) => f.rule === rule);
  assert.deepEqual(after.map((f) => f.message), [], `${rule} still fires after "${fix.title}"`);
  return out;
}

function rules(text: string): string[] {
  return lintText(text).findings.map((f) => f.rule);
}

describe('quick fixes', () => {
  describe('spine-connectivity', () => {
    it('adds the missing link in the block style of the existing items, after the last one', () => {
      const fix = fixOf(MISSING_LINK, 'spine-connectivity', /Add link/);
      assert.equal(fix.title, 'Add link `leaf2` ↔ `spine2` (100G)');
      assert.equal(fix.isPreferred, true);
      const out = applyFix(MISSING_LINK, 'spine-connectivity', /Add link/);
      assert.equal(out, `${MISSING_LINK}  - between: [leaf2, spine2]\n    speed: 100G\n`);
      assert.deepEqual(rules(out), []);
    });

    it('adds flow items with the leaf\'s uplink count when the links are flow maps', () => {
      const text = `${SWITCHES_BLOCK}servers:
  web:
    count: 8
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, leaf2]
links:
    - { between: [leaf1, spine1], speed: 100G, count: 2 }
    - { between: [leaf1, spine2], speed: 100G, count: 2 }
    - { between: [leaf2, spine1], speed: 100G, count: 2 }`;
      const out = applyFix(text, 'spine-connectivity', /Add link/);
      assert.equal(out, `${text}\n    - { between: [leaf2, spine2], speed: 100G, count: 2 }`);
    });
  });

  describe('ecmp-imbalance', () => {
    it('gives every spine the highest count, adding `count:` in the entry\'s style', () => {
      const text = `${SWITCHES_BLOCK}links:
  - between: [leaf1, spine1]
    speed: 100G
    count: 2
  - between: [leaf1, spine2]
    speed: 100G
  - between: [leaf2, spine1]
    speed: 100G
  - between: [leaf2, spine2]
    speed: 100G
`;
      const fix = fixOf(text, 'ecmp-imbalance', /Give every spine/);
      assert.equal(fix.title, 'Give every spine 2 × 100G (count: 2)');
      const out = applyFix(text, 'ecmp-imbalance', /Give every spine/);
      assert.equal(out, text.replace('  - between: [leaf1, spine2]\n    speed: 100G\n', '  - between: [leaf1, spine2]\n    speed: 100G\n    count: 2\n'));
      assert.deepEqual(rules(out), []);
    });

    it('replaces an existing count in a flow entry', () => {
      const text = `${SWITCHES_BLOCK}links:
  - { between: [leaf1, spine1], speed: 100G, count: 3 }
  - { between: [leaf1, spine2], speed: 100G, count: 1 }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;
      const out = applyFix(text, 'ecmp-imbalance', /Give every spine/);
      assert.equal(out, text.replace('[leaf1, spine2], speed: 100G, count: 1', '[leaf1, spine2], speed: 100G, count: 3'));
    });
  });

  describe('oversubscription', () => {
    const text = `${SWITCHES_BLOCK}servers:
  web:
    count: 40
    nics: { count: 1, speed: 25G }
    leaves: [leaf1]
links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: [leaf1, spine2], speed: 100G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;

    it('raises every uplink of the leaf by the same count, to the design max', () => {
      // 1000G down, 200G up: 5:1. Two more per spine: 1000 / 400 = 2.5:1 (one more gives 3.33:1).
      const fix = fixOf(text, 'oversubscription', /count/);
      assert.equal(fix.title, 'Set count: 2 on each uplink of `leaf1` (5:1 → 2.5:1)');
      const out = applyFix(text, 'oversubscription', /count/);
      assert.equal(
        out,
        text
          .replace('[leaf1, spine1], speed: 100G }', '[leaf1, spine1], speed: 100G, count: 2 }')
          .replace('[leaf1, spine2], speed: 100G }', '[leaf1, spine2], speed: 100G, count: 2 }'),
      );
      assert.deepEqual(rules(out), []);
    });

    it('offers nothing when the leaf has no free fabric ports for it', () => {
      const tight = text.replace(/count: 8, speed: 100G/g, 'count: 2, speed: 100G');
      const result = lintText(tight);
      const titles = fixesFor(result, findingOf(result, 'oversubscription')).map((f) => f.title);
      assert.deepEqual(titles, ['Disable oversubscription for this line', 'Open lesson: Oversubscription ratios']);
    });
  });

  describe('unknown-switch', () => {
    const text = `${SWITCHES_BLOCK}links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: [leaf1, "spine3"], speed: 100G }
`;

    it('offers every equally close name that leaves no new error, keeping its quotes', () => {
      // `spine1` and `spine2` are both one edit away; `spine1` would leave leaf1 without spine2 (a new error).
      const result = lintText(text);
      const titles = fixesFor(result, findingOf(result, 'unknown-switch')).map((f) => f.title);
      assert.deepEqual(titles, ['Did you mean `spine2`?', 'Disable unknown-switch for this line', 'Open lesson: Switch names and links']);
      const fix = fixOf(text, 'unknown-switch', /Did you mean/);
      assert.equal(fix.isPreferred, true);
      const out = applyFix(text, 'unknown-switch', /Did you mean/);
      assert.equal(out, text.replace('"spine3"', '"spine2"'));
    });

    it('defines the switch with the role the other end implies, ports copied from a switch of that role, when that adds no error', () => {
      // A third spine leaf2 could not reach would be a new spine-connectivity error: here every leaf already links to it.
      const both = text.replace('links:\n', 'links:\n  - { between: [leaf2, spine1], speed: 100G }\n  - { between: [leaf2, spine2], speed: 100G }\n  - { between: [leaf2, "spine3"], speed: 100G }\n  - { between: [leaf1, spine2], speed: 100G }\n');
      const fix = fixOf(both, 'unknown-switch', /Define/);
      assert.equal(fix.title, 'Define switch `spine3` (spine)');
      const out = applyFix(both, 'unknown-switch', /Define/);
      assert.equal(
        out,
        both.replace('\nlinks:', '\n  spine3:\n    role: spine\n    ports:\n      - { count: 32, speed: 100G }\nlinks:'),
      );
    });

    it('does not offer to define a spine that would leave a leaf without a link to it', () => {
      const result = lintText(text);
      assert.ok(!fixesFor(result, findingOf(result, 'unknown-switch')).some((f) => /Define/.test(f.title)));
    });

    it('defines a server group\'s unknown leaf as a leaf', () => {
      const withServers = `${SWITCHES_BLOCK}servers:
  web:
    count: 4
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, rack9]
links:
  - { between: [leaf1, spine1], speed: 100G }
`;
      const out = applyFix(withServers, 'unknown-switch', /Define switch `rack9` \(leaf\)/);
      assert.ok(out.includes('  rack9:\n    role: leaf\n    ports:\n      - { count: 48, speed: 25G }\n      - { count: 8, speed: 100G }\nservers:'), out);
    });
  });

  describe('duplicate-link', () => {
    it('merges a flow entry into the first one with the summed count', () => {
      const text = `${SWITCHES_BLOCK}links:
  - { between: [leaf1, spine1], speed: 100G, count: 2 }
  - { between: [leaf1, spine2], speed: 100G, count: 3 }
  - { between: [spine1, leaf1], speed: 100G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;
      const fix = fixOf(text, 'duplicate-link', /Merge/);
      assert.equal(fix.title, 'Merge into the entry on line 22 (count: 3)');
      const out = applyFix(text, 'duplicate-link', /Merge/);
      assert.equal(
        out,
        text.replace('[leaf1, spine1], speed: 100G, count: 2 }', '[leaf1, spine1], speed: 100G, count: 3 }').replace('  - { between: [spine1, leaf1], speed: 100G }\n', ''),
      );
      assert.deepEqual(rules(out), []);
    });

    it('deletes a block entry on the last line of the file and adds `count:` to the first', () => {
      const text = `${SWITCHES_BLOCK}links:
  - between: [leaf1, spine1]
    speed: 100G  # first
  - between: [leaf1, spine2]
    speed: 100G
    count: 2
  - between: [leaf2, spine1]
    speed: 100G
  - between: [leaf2, spine2]
    speed: 100G
  - between: [leaf1, spine1]
    speed: 100G`;
      const out = applyFix(text, 'duplicate-link', /Merge/);
      assert.equal(
        out,
        `${SWITCHES_BLOCK}links:
  - between: [leaf1, spine1]
    speed: 100G  # first
    count: 2
  - between: [leaf1, spine2]
    speed: 100G
    count: 2
  - between: [leaf2, spine1]
    speed: 100G
  - between: [leaf2, spine2]
    speed: 100G`,
      );
      assert.deepEqual(rules(out), []);
    });
  });

  describe('link-speed', () => {
    it('changes the speed to the fastest both ends carry', () => {
      const text = `${SWITCHES_BLOCK}links:
  - { between: [leaf1, spine1], speed: 400G }
  - { between: [leaf1, spine2], speed: 100G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;
      const fix = fixOf(text, 'link-speed', /Change/);
      assert.equal(fix.title, 'Change the speed to 100G (the fastest both ends have free ports for)');
      assert.equal(fix.isPreferred, true);
      const out = applyFix(text, 'link-speed', /Change/);
      assert.equal(out, text.replace('400G', '100G'));
      assert.deepEqual(rules(out), []);
    });

    it('changes a server group\'s NIC speed to what its leaves carry', () => {
      const text = `${SWITCHES_BLOCK}servers:
  web:
    count: 4
    nics: { count: 1, speed: "400G" }
    leaves: [leaf1]
links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: [leaf1, spine2], speed: 100G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;
      const out = applyFix(text, 'link-speed', /NIC speed to 100G/);
      assert.equal(out, text.replace('"400G"', '"100G"'));
    });
  });

  describe('on every finding', () => {
    it('disables the rule for the line with a comment indented like the line', () => {
      const out = applyFix(MISSING_LINK, 'spine-connectivity', /Disable spine-connectivity for this line/);
      assert.equal(out, MISSING_LINK.replace('\n  leaf2:\n', '\n  # topology-disable-next-line spine-connectivity\n  leaf2:\n'));
    });

    it('appends the rule to a directive already on the line above', () => {
      const text = MISSING_LINK.replace('\n  leaf2:\n', '\n  # topology-disable-next-line isolated-switch\n  leaf2:\n');
      const out = applyFix(text, 'spine-connectivity', /Disable/);
      assert.equal(out, MISSING_LINK.replace('\n  leaf2:\n', '\n  # topology-disable-next-line isolated-switch, spine-connectivity\n  leaf2:\n'));
    });

    it('disables yaml-syntax and schema findings too', () => {
      const text = 'topology: t\nswitches:\n\tleaf1: {}\n';
      const fix = fixOf(text, 'yaml-syntax', /Disable/);
      assert.deepEqual(fix.edits, [{ start: 22, end: 22, newText: '# topology-disable-next-line yaml-syntax\n' }]);
      assert.equal(applyFix(text, 'yaml-syntax', /Disable/), 'topology: t\nswitches:\n# topology-disable-next-line yaml-syntax\n\tleaf1: {}\n');
      const schema = yaml`
        topology: t
        switches: {}
        colour: red
      `;
      const out = applyFix(schema, 'schema', /Disable/);
      assert.equal(out, 'topology: t\nswitches: {}\n# topology-disable-next-line schema\ncolour: red\n');
    });

    it('opens the rule\'s lesson section', () => {
      const fix = fixOf(MISSING_LINK, 'spine-connectivity', /Open lesson/);
      assert.equal(fix.title, 'Open lesson: Why every server is equidistant');
      assert.equal(fix.edits, undefined);
      assert.deepEqual(fix.command, {
        title: 'Open lesson: Why every server is equidistant',
        command: 'topology.openLesson',
        arguments: [{ lesson: 'spine-leaf-hierarchy', section: 'why-every-server-is-equidistant' }],
      });
    });
  });

  describe('fix all', () => {
    it('merges duplicates, fixes speeds and adds missing links in one non-overlapping edit set', () => {
      const text = `${SWITCHES_BLOCK}servers:
  web:
    count: 8
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, leaf2]
links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: [leaf1, spine2], speed: 400G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf1, spine1], speed: 100G }
`;
      assert.deepEqual([...rules(text)].sort(), ['duplicate-link', 'ecmp-imbalance', 'link-speed', 'spine-connectivity']);
      const result = lintText(text);
      const all = fixAll(result);
      const out = applyEdits(text, all.edits);
      assert.equal(
        out,
        `${SWITCHES_BLOCK}servers:
  web:
    count: 8
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, leaf2]
links:
  - { between: [leaf1, spine1], speed: 100G, count: 2 }
  - { between: [leaf1, spine2], speed: 100G }
  - { between: [leaf2, spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`,
      );
      assert.deepEqual(rules(out).filter((r) => r === 'duplicate-link' || r === 'link-speed' || r === 'spine-connectivity'), []);
    });

    it('does nothing on a clean file or one that does not parse', () => {
      const clean = `${MISSING_LINK}  - between: [leaf2, spine2]\n    speed: 100G\n`;
      assert.deepEqual(rules(clean), []);
      assert.deepEqual(fixAll(lintText(clean)).edits, []);
      assert.deepEqual(fixAll(lintText('topology: [\n')).edits, []);
    });
  });
});
