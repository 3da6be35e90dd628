/**
 * What the diagram answers beyond the picture: the what-if drawn (failed marks, impact on nodes and
 * group boxes, the summary rows), the hover of a node or link (the editor hover's figures as plain
 * lines), the node or link under the editor's cursor, and untrusted names shown safely.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildDiagram, displayText } from '../../../server/src/core/diagram/diagram';
import { diagramHover, markdownLines } from '../../../server/src/core/diagram/diagramHover';
import { diagramLocate } from '../../../server/src/core/diagram/diagramLocate';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { lintText } from '../../../server/src/core/lint';
import type { DiagramState } from '../../../shared/webview/diagramView';
import { EXAMPLES } from '../helpers';

const CLEAN = fs.readFileSync(path.join(EXAMPLES, 'clean-fabric.topology.yaml'), 'utf8');
const state = (failed: string[] = [], links: [string, string][] = [], expanded: string[] = []): DiagramState => ({ expanded, failed: { switches: failed, links } });
const LESSONS = 'file:///lessons';

function flat(spines: number, leaves: number): string {
  const lines = ['topology: flat', 'switches:'];
  for (let s = 1; s <= spines; s++) lines.push(`  spine${s}: { role: spine, ports: [{ count: ${leaves}, speed: 100G }] }`);
  for (let l = 1; l <= leaves; l++) lines.push(`  leaf${l}: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: ${spines}, speed: 100G, for: fabric }] }`);
  lines.push('links:');
  for (let l = 1; l <= leaves; l++) for (let s = 1; s <= spines; s++) lines.push(`  - { between: [leaf${l}, spine${s}], speed: 100G }`);
  return `${lines.join('\n')}\n`;
}

describe('diagram interaction', () => {
  describe('what-if in the picture', () => {
    const result = lintText(CLEAN);

    it('a failed spine is marked, its links are down, its leaves show before → after', () => {
      const view = buildDiagram(result, state(['spine1']));
      const spine = view.nodes.find((n) => n.key === 's:spine1')!;
      assert.equal(spine.failed, true);
      assert.equal(spine.detail, '✕ failed');
      assert.deepEqual(view.links.filter((l) => l.failed).map((l) => l.to), ['s:leaf1', 's:leaf2', 's:leaf3', 's:leaf4']);
      const leaf1 = view.nodes.find((n) => n.key === 's:leaf1')!;
      assert.equal(leaf1.impact, 'over-limit');
      assert.equal(leaf1.detail, '⚑ 2.5:1 → 5:1');
      assert.equal(view.nodes.find((n) => n.key === 's:leaf3')!.detail, '↓ 1:1 → 2:1');
      const w = view.whatIf!;
      assert.deepEqual(w.failed, ['spine1']);
      assert.equal(w.survives, false);
      assert.deepEqual(w.lines, ['4 leaves lose uplink bandwidth.', 'Pushed over the design limit: leaf1, leaf2.', 'The fabric does not survive this failure.']);
      assert.deepEqual(w.rows[0], { name: 'leaf1', tier: 'leaf', uplink: '400G → 200G', ratio: '2.5:1 → 5:1', paths: '4 → 2', impact: 'over-limit' });
      assert.equal(w.rows.length, 4);
      assert.deepEqual(view.onePerPod, ['spine1']);
    });

    it('clearing the marks restores the picture exactly', () => {
      assert.deepEqual(buildDiagram(result, state()), buildDiagram(lintText(CLEAN), state()));
      assert.equal(buildDiagram(result, state()).whatIf, null);
    });

    it('a failed link is down alone; a disconnected leaf says so', () => {
      const view = buildDiagram(result, state([], [['leaf4', 'spine1'], ['leaf4', 'spine2']]));
      assert.deepEqual(view.links.filter((l) => l.failed).map((l) => `${l.from}–${l.to}`), ['s:spine1–s:leaf4', 's:spine2–s:leaf4']);
      const leaf4 = view.nodes.find((n) => n.key === 's:leaf4')!;
      assert.equal(leaf4.impact, 'disconnected');
      assert.equal(leaf4.detail, '⊘ no uplink left');
      assert.deepEqual(view.whatIf!.rows[0], { name: 'leaf4', tier: 'leaf', uplink: '400G → 0G', ratio: '1:1 → none', paths: '4 → 0', impact: 'disconnected' });
      assert.deepEqual(view.whatIf!.failed, ['leaf4 – spine1', 'leaf4 – spine2']);
    });

    it('a group box counts what happens to its members; names no longer in the file are said', () => {
      const text = flat(2, 20);
      const view = buildDiagram(lintText(text), state(['spine1', 'gone']));
      const group = view.nodes[2];
      assert.equal(group.kind, 'group');
      assert.equal(group.impact, 'over-limit', 'each leaf goes from 6:1 to 12:1');
      assert.equal(group.detail, '⚑ 20');
      assert.deepEqual(view.whatIf!.lines[0], 'No longer in the file, so not failed: gone.');
    });
  });

  describe('hover', () => {
    const result = lintText(CLEAN);

    it("a switch: the editor hover's own figures, as plain lines, without the lesson links", () => {
      const info = diagramHover(result, 's:leaf1', state(), LESSONS)!;
      const editor = markdownLines(hoverAt(result, CLEAN.indexOf('\n  leaf1:') + 3, LESSONS)!.markdown);
      assert.deepEqual(info.lines, editor);
      assert.equal(info.lines[0], 'leaf1 · leaf');
      assert.ok(info.lines.includes("Oversubscription: 2.5:1 (within the design's 3:1)"), info.lines.join('\n'));
      assert.ok(info.lines.includes('ECMP: 4 equal-cost paths (2 spines × 2 links)'));
      assert.ok(info.lines.every((l) => !l.includes('**') && !l.includes('`') && !l.startsWith('Learn:')));
    });

    it('with a failure, the what-if change too', () => {
      const info = diagramHover(result, 's:leaf1', state(['spine1']), LESSONS)!;
      assert.ok(info.lines.includes("What if: uplink 400G → 200G, ratio 2.5:1 → 5:1, ECMP paths 4 → 2 — pushed over the design's 3:1"), info.lines.join('\n'));
      assert.ok(diagramHover(result, 's:spine1', state(['spine1']), LESSONS)!.lines.includes('Marked failed in the what-if.'));
    });

    it('a link: its entry with line number, count and speed', () => {
      const view = buildDiagram(result, state());
      const link = view.links.find((l) => l.to === 's:leaf2' && l.from === 's:spine2')!;
      const info = diagramHover(result, link.key, state(), LESSONS)!;
      assert.deepEqual(info.lines, ['spine2 – leaf2: 2 links, 200G', 'line 62: 2 × 100G = 200G']);
    });

    it('a group: its range, ratios and findings; unknown keys give null', () => {
      const text = flat(2, 20);
      const r = lintText(text);
      const view = buildDiagram(r, state());
      const info = diagramHover(r, view.nodes[2].key, state(), LESSONS)!;
      assert.deepEqual(info.lines, ['20 leaves: leaf1 … leaf20', 'Oversubscription: 6:1 each', 'Findings: ▲ 20 warnings (oversubscription × 20)', 'Click or press Enter to show each.']);
      assert.equal(diagramHover(r, 's:nope', state(), LESSONS), null);
      assert.equal(diagramHover(r, 'g:l:0:99:', state(), LESSONS), null);
      assert.equal(diagramHover(r, 'l:3:xyz', state(), LESSONS), null);
    });

    it('Markdown of names is undone exactly: code spans with backticks, brackets and stars come out as written', () => {
      assert.deepEqual(markdownLines('**``a`b**[c](d)``** · leaf  \nsecond [Learn: x](file:///y)  \n\n[Learn: z — 5 min](file:///w)'), ['a`b**[c](d) · leaf', 'second Learn: x']);
      const name = 'rack`1**[x](y)';
      const text = `topology: t\nswitches:\n  "${name}": { role: leaf, ports: [{ count: 1, speed: 10G }] }\n`;
      const info = diagramHover(lintText(text), `s:${name}`, state(), LESSONS)!;
      assert.equal(info.lines[0], `${name} · leaf`);
    });
  });

  describe('the cursor in the editor', () => {
    const result = lintText(CLEAN);
    const at = (needle: string, delta = 0): number => CLEAN.indexOf(needle) + delta;

    it('on a switch name, anywhere in its definition, or on a server group leaf: that switch', () => {
      assert.equal(diagramLocate(result, at('\n  leaf3:', 3), state()), 's:leaf3');
      assert.equal(diagramLocate(result, at('\n  spine2:', 3) + 20, state()), 's:spine2', 'its model line');
      assert.equal(diagramLocate(result, at('leaves: [leaf3, leaf4]', 9), state()), 's:leaf3');
    });

    it('on a links entry (its ends too): that link, upper end first', () => {
      const key = diagramLocate(result, at('between: [leaf4, spine1]', 11), state())!;
      assert.ok(key.startsWith('l:'));
      assert.ok(buildDiagram(result, state()).links.some((l) => l.key === key && l.from === 's:spine1' && l.to === 's:leaf4'));
    });

    it('elsewhere: nothing; in a collapsed group: the group', () => {
      assert.equal(diagramLocate(result, at('design:'), state()), null);
      const text = flat(2, 20);
      const r = lintText(text);
      const group = buildDiagram(r, state()).nodes[2].key;
      assert.equal(diagramLocate(r, text.indexOf('\n  leaf7:') + 3, state()), group);
      const bundle = diagramLocate(r, text.indexOf('between: [leaf7, spine2]') + 3, state())!;
      assert.ok(buildDiagram(r, state()).links.some((l) => l.key === bundle && l.from === 's:spine2' && l.to === group));
    });
  });

  describe('untrusted names', () => {
    it('control, bidi and zero-width characters are shown as visible escapes, as in messages; long names are cut', () => {
      assert.equal(displayText('a\u202eb\u0000c\u200bd', 40), 'a\\u202Eb\\u0000c\\u200Bd');
      assert.equal(displayText('x'.repeat(30), 10), `${'x'.repeat(9)}…`);
      const text = 'topology: "\\u202eevil"\nswitches:\n  "sp\\u202eine": { role: spine, ports: [{ count: 1, speed: 10G }] }\n';
      const view = buildDiagram(lintText(text), state());
      assert.equal(view.name, '\\u202Eevil');
      assert.equal(view.nodes[0].title, 'sp\\u202Eine');
      assert.equal(view.nodes[0].key, 's:sp\u202eine', 'the key keeps the real name');
    });
  });
});
