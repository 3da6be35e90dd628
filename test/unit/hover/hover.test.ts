import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../server/src/core/lint';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { inlayHints } from '../../../server/src/core/hints/inlayHints';
import { formatGbps } from '../../../server/src/core/model/bandwidth';
import { formatRatio } from '../../../server/src/core/model/ratio';
import { yaml } from '../helpers';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');
const BASE = 'file:///lessons';

describe('hover figures', () => {
  for (const name of ['clean-fabric.topology.yaml', 'five-stage-clos.topology.yaml', 'lessons/oversubscribed-leaf.topology.yaml']) {
    it(`match the analysis for every leaf of ${name}`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      const result = lintText(text);
      const model = result.analysis!.model;
      assert.ok(model.leaves.length > 0);
      for (const leaf of model.leaves) {
        const hover = hoverAt(result, leaf.keyNode.start + 1, BASE);
        assert.ok(hover, `hover on ${leaf.name}`);
        assert.ok(hover.markdown.includes(`Uplink: ${formatGbps(leaf.uplinkGbps)} to spines`), hover.markdown);
        assert.ok(hover.markdown.includes(`Oversubscription: **${formatRatio(leaf.ratio!)}**`), hover.markdown);
        assert.ok(hover.markdown.includes(`ECMP: ${leaf.ecmpPaths} equal-cost path`), hover.markdown);
        if (leaf.downlinkSource === 'servers') assert.ok(hover.markdown.includes(`Downlink: ${formatGbps(leaf.downlinkGbps)} to servers`), hover.markdown);
      }
    });
  }
});

describe('hover escaping', () => {
  const hostile = ['[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '`tick` **bold**'];
  for (const name of hostile) {
    it(`shows ${JSON.stringify(name)} as text`, () => {
      const quoted = JSON.stringify(name);
      const text = yaml`
        topology: t
        switches:
          spine1: { role: spine, ports: [{ count: 4, speed: 100G }] }
          ${quoted}: { role: leaf, ports: [{ count: 4, speed: 100G }] }
        links:
          - { between: [${quoted}, spine1], speed: 100G }
      `;
      const result = lintText(text);
      for (const offset of [text.indexOf(quoted) + 2, text.lastIndexOf(quoted) + 2]) {
        const markdown = hoverAt(result, offset, BASE)!.markdown;
        // The name appears only inside a code span, where Markdown and HTML are inert.
        const outsideCode = markdown.replace(/(`+)[^`]*?\1|(`+)[\s\S]*?\2/g, '');
        assert.ok(!outsideCode.includes('](command:'), markdown);
        assert.ok(!outsideCode.includes('<img'), markdown);
        assert.ok(markdown.includes('spine1') || markdown.includes('leaf'), markdown);
      }
    });
  }
});

describe('inlay hints', () => {
  it('give each leaf and spine its figures, the same numbers as the model', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'clean-fabric.topology.yaml'), 'utf8');
    const result = lintText(text);
    const hints = inlayHints(result);
    assert.equal(hints.length, 6);
    const leaf1 = hints.find((h) => h.switchName === 'leaf1')!;
    assert.equal(leaf1.label, ' 2.5:1 · 1000G↓ 400G↑ · 4 paths');
    assert.equal(result.lines.lineText(leaf1.position.line), '  leaf1:');
    assert.equal(leaf1.position.character, '  leaf1:'.length);
    assert.equal(hints.find((h) => h.switchName === 'spine1')!.label, ' 800G↓ · 4 leaves');
  });
});

describe('speed and port facts', () => {
  const text = yaml`
    topology: t
    switches:
      spine1: { role: spine, ports: [{ count: 32, speed: 40G }] }
      leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
    links:
      - { between: [leaf1, spine1], speed: 40G, count: 16 }
  `;

  it('40G is 4 × 10G NRZ lanes (IEEE 802.3ba, QSFP+), the classic leaf uplink — not one 25G lane', () => {
    const result = lintText(text);
    const markdown = hoverAt(result, text.indexOf('speed: 40G, count') + 8, BASE)!.markdown;
    assert.match(markdown, /^\*\*40G\*\* — typically the classic leaf uplink and spine port of 2011–2016 fabrics, still common in brownfield\. 4 × 10G NRZ \(IEEE 802\.3ba\); QSFP\+ optics or cables\./);
    assert.doesNotMatch(markdown, /25G SerDes/);
  });

  it('every speed of the completion list has a row in the one speed table', async () => {
    const { SPEED_FACTS } = await import('../../../server/src/core/model/speedFacts');
    const { COMMON_SPEEDS } = await import('../../../server/src/core/editing/completion');
    assert.deepEqual(SPEED_FACTS.map((f) => f.text), COMMON_SPEEDS);
  });

  it('ports: demand against capacity per speed, not capped at the group size', () => {
    const result = lintText(text);
    const markdown = hoverAt(result, text.indexOf('leaf1:') + 1, BASE)!.markdown;
    assert.match(markdown, /Ports used: 8\/8 × 100G {2}\nPorts short: needs 16 × 40G or faster, has 8 \(16 link ends at 40G\)/);
  });
});
