/**
 * "Export Diagram as SVG" (server/src/core/diagram/svg.ts): a self-contained document — no external
 * reference, no stylesheet or script, colours as values from the palette — with every name escaped,
 * and the what-if summary under the picture.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildDiagram } from '../../../server/src/core/diagram/diagram';
import { renderSvg, xmlEscape } from '../../../server/src/core/diagram/svg';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_PALETTE, parsePalette } from '../../../shared/webview/diagramView';
import type { DiagramPalette, DiagramState } from '../../../shared/webview/diagramView';
import { EXAMPLES } from '../helpers';

const state = (failed: string[] = []): DiagramState => ({ expanded: [], failed: { switches: failed, links: [] } });
const DARK: DiagramPalette = { ...DEFAULT_PALETTE, background: 'rgb(30, 30, 30)', foreground: 'rgb(204, 204, 204)', error: 'rgb(241, 76, 76)', fontFamily: '"Segoe WPC", "Segoe UI", sans-serif' };

function svgOf(text: string, s: DiagramState = state(), palette: DiagramPalette = DARK): string {
  return renderSvg(buildDiagram(lintText(text), s), palette, 'Fabric Diagram — test');
}

/** Every element name used, and the text outside tags (which must hold no raw markup). */
function tags(svg: string): Set<string> {
  return new Set([...svg.matchAll(/<([a-zA-Z?][\w:-]*)/g)].map((m) => m[1]));
}

describe('diagram SVG export', () => {
  const clean = fs.readFileSync(path.join(EXAMPLES, 'clean-fabric.topology.yaml'), 'utf8');

  it('is self-contained: only drawing elements, colours as values, no reference outside the file', () => {
    const svg = svgOf(clean);
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.deepEqual([...tags(svg)].sort(), ['?xml', 'g', 'line', 'rect', 'svg', 'text', 'title']);
    assert.ok(!/href|url\(|var\(|@import|<style|<script|<image|<foreignObject|on[a-z]+=/i.test(svg));
    assert.match(svg, /<rect x="0" y="0" width="\d+" height="\d+" fill="rgb\(30, 30, 30\)"\/>/);
    assert.match(svg, /font-family="&quot;Segoe WPC&quot;, &quot;Segoe UI&quot;, sans-serif"/);
    for (const name of ['spine1', 'spine2', 'leaf1', 'leaf4', 'leaf · 2.5:1', '2 × 100G each', 'spines', 'leaves']) assert.ok(svg.includes(`>${name}<`), name);
    assert.match(svg, /<title>Fabric Diagram — test<\/title>/);
  });

  it('escapes every name from the file and drops characters XML does not allow', () => {
    const text = 'topology: t\nswitches:\n  "<script>&\'\\"x": { role: spine, ports: [{ count: 1, speed: 10G }] }\n  "a\\x01b": { role: leaf, ports: [{ count: 1, speed: 10G }] }\n';
    const svg = svgOf(text);
    assert.ok(!svg.includes('<script'), 'no raw markup from a name');
    assert.ok(svg.includes('&lt;script&gt;&amp;&#39;&quot;x'));
    assert.ok(!svg.includes('\u0001'));
    assert.equal(xmlEscape('a\u0001\uffff<'), 'a\ufffd\ufffd&lt;');
  });

  it('draws the what-if: failed marks dashed, and its summary under the picture', () => {
    const svg = svgOf(clean, state(['spine1']));
    assert.match(svg, /stroke-dasharray="5 3"/, 'the failed spine');
    assert.match(svg, /stroke-dasharray="6 4"/, 'its links down');
    assert.ok(svg.includes('>✕ failed<'));
    assert.ok(svg.includes('>What if spine1 fails:<'));
    assert.ok(svg.includes('>The fabric does not survive this failure.<'));
    assert.ok(svg.includes('>• leaf1: uplink 400G → 200G, ratio 2.5:1 → 5:1, paths 4 → 2 (over-limit)<'));
  });

  it('takes only colour values from a palette: anything else falls back to the default', () => {
    const hostile = parsePalette({ background: 'url(https://x.invalid/a.png)', foreground: 'var(--vscode-foreground)', error: '#abc', fontFamily: 'x; } body { color: red', link: 'rgba(1, 2, 3, 0.5)' });
    assert.equal(hostile.background, DEFAULT_PALETTE.background);
    assert.equal(hostile.foreground, DEFAULT_PALETTE.foreground);
    assert.equal(hostile.error, '#abc');
    assert.equal(hostile.link, 'rgba(1, 2, 3, 0.5)');
    assert.equal(hostile.fontFamily, DEFAULT_PALETTE.fontFamily);
    const svg = svgOf(clean, state(), { ...DEFAULT_PALETTE, background: 'url(x)' });
    assert.ok(!svg.includes('url('));
  });
});
