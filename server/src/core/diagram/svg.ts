/**
 * The diagram as a self-contained SVG document ("Export Diagram as SVG"): the same view the webview
 * draws, with every colour resolved to a value (the webview's theme palette) and set as a
 * presentation attribute on each element, no stylesheet, no external reference (no href, image,
 * font file or url()), every text escaped. With a what-if, its summary is printed under the picture.
 */
import type { DiagramLink, DiagramNode, DiagramPalette, DiagramSeverity, DiagramView } from '../../../../shared/webview/diagramView';
import { isColourValue, isFontFamily, DEFAULT_PALETTE, PALETTE_KEYS } from '../../../../shared/webview/diagramView';

// Characters XML 1.0 does not allow, and lone surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or an attribute value for XML: markup characters escaped, characters XML forbids replaced. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const n = (value: number): string => String(Math.round(value * 10) / 10);

function attrs(values: Record<string, string | number | null | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : xmlEscape(v)}"`)
    .join('');
}

function cleanPalette(palette: DiagramPalette): DiagramPalette {
  const out: DiagramPalette = { ...DEFAULT_PALETTE };
  for (const key of PALETTE_KEYS) if (isColourValue(palette[key])) out[key] = palette[key];
  if (isFontFamily(palette.fontFamily)) out.fontFamily = palette.fontFamily;
  return out;
}

function severityColour(p: DiagramPalette, severity: DiagramSeverity | null, fallback: string): string {
  return severity === 'error' ? p.error : severity === 'warning' ? p.warning : severity === 'info' ? p.info : fallback;
}

function linkSvg(p: DiagramPalette, link: DiagramLink): string {
  const stroke = link.failed ? p.failed : severityColour(p, link.severity, p.link);
  const dash = link.failed ? '6 4' : link.kind === 'peer' ? '2 6' : null;
  const shape =
    link.cx === null || link.cy === null
      ? `<line${attrs({ x1: link.x1, y1: link.y1, x2: link.x2, y2: link.y2, stroke, 'stroke-width': link.width, 'stroke-dasharray': dash, 'stroke-linecap': dash === null ? 'round' : 'butt' })}/>`
      : `<path${attrs({ d: `M ${n(link.x1)} ${n(link.y1)} Q ${n(link.cx)} ${n(link.cy)} ${n(link.x2)} ${n(link.y2)}`, fill: 'none', stroke, 'stroke-width': link.width, 'stroke-dasharray': dash })}/>`;
  const halo = { stroke: p.background, 'stroke-width': 3, 'paint-order': 'stroke' };
  const mark = link.failed ? '✕' : link.severity === 'error' ? '✖' : link.severity === 'warning' ? '▲' : link.severity === 'info' ? '●' : null;
  const markText = mark === null ? '' : `<text${attrs({ x: link.mx, y: link.my + 4, 'text-anchor': 'middle', 'font-size': 12, fill: link.failed ? p.failed : severityColour(p, link.severity, p.foreground), ...halo })}>${mark}</text>`;
  const caption =
    link.caption === null
      ? ''
      : `<text${attrs({ x: link.lx, y: link.ly, 'text-anchor': 'middle', 'font-size': 10, fill: link.severity !== null ? severityColour(p, link.severity, p.foreground) : p.muted, ...halo })}>${xmlEscape(link.caption)}</text>`;
  return `<g>${shape}${markText}${caption}<title>${xmlEscape(link.label)}</title></g>`;
}

function nodeSvg(p: DiagramPalette, node: DiagramNode): string {
  const impactColour = node.impact === 'disconnected' ? p.error : node.impact === 'over-limit' || node.impact === 'degraded' ? p.impact : null;
  const stroke = node.failed ? p.failed : (impactColour ?? severityColour(p, node.severity, p.border));
  const width = node.failed || node.impact !== null || node.severity !== null ? 2 : 1;
  const parts: string[] = [];
  if (node.kind === 'group') {
    // A stack: the group stands for many switches.
    parts.push(`<rect${attrs({ x: node.x + 4, y: node.y - 4, width: node.w, height: node.h, rx: 4, fill: p.groupFill, stroke: p.border })}/>`);
  }
  parts.push(`<rect${attrs({ x: node.x, y: node.y, width: node.w, height: node.h, rx: 4, fill: node.kind === 'group' ? p.groupFill : p.nodeFill, stroke, 'stroke-width': width, 'stroke-dasharray': node.failed ? '5 3' : null })}/>`);
  if (node.failed) {
    parts.push(`<line${attrs({ x1: node.x + 4, y1: node.y + 4, x2: node.x + node.w - 4, y2: node.y + node.h - 4, stroke: p.failed, 'stroke-width': 1 })}/>`);
  }
  parts.push(`<text${attrs({ x: node.x + 8, y: node.y + 18, 'font-size': 12, 'font-weight': node.kind === 'group' ? 'bold' : null, fill: node.failed ? p.failed : p.foreground })}>${xmlEscape(node.title)}</text>`);
  parts.push(`<text${attrs({ x: node.x + 8, y: node.y + 36, 'font-size': 10, fill: impactColour ?? p.muted })}>${xmlEscape(node.detail)}</text>`);
  if (node.badge !== null) {
    parts.push(`<text${attrs({ x: node.x + node.w - 6, y: node.y + 14, 'font-size': 10, 'text-anchor': 'end', fill: severityColour(p, node.severity, p.foreground) })}>${xmlEscape(node.badge)}</text>`);
  }
  return `<g>${parts.join('')}<title>${xmlEscape(node.name)}</title></g>`;
}

const SUMMARY_LINE = 16;

/** The picture of `view` as an SVG document, in `palette`'s colours; `title` names it. */
export function renderSvg(view: DiagramView, palette: DiagramPalette, title: string): string {
  const p = cleanPalette(palette);
  const summary: string[] = [];
  if (view.whatIf !== null) {
    summary.push(`What if ${view.whatIf.failed.join(', ')} ${view.whatIf.failed.length === 1 ? 'fails' : 'fail'}:`, ...view.whatIf.lines);
    for (const row of view.whatIf.rows) summary.push(`• ${row.name}: uplink ${row.uplink}, ratio ${row.ratio}, paths ${row.paths}${row.impact === 'degraded' ? '' : ` (${row.impact})`}`);
    if (view.whatIf.more > 0) summary.push(`… and ${view.whatIf.more} more`);
  }
  if (view.notice !== null) summary.push(view.notice);
  const width = Math.max(view.width, 480);
  const height = view.height + (summary.length > 0 ? summary.length * SUMMARY_LINE + 24 : 0);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width, height, viewBox: `0 0 ${n(width)} ${n(height)}`, 'font-family': p.fontFamily, 'font-size': 12 })}>`);
  out.push(`<title>${xmlEscape(title)}</title>`);
  out.push(`<rect${attrs({ x: 0, y: 0, width, height, fill: p.background })}/>`);
  for (const tier of view.tiers) out.push(`<text${attrs({ x: 12, y: tier.y + 27, fill: p.muted, 'font-size': 11 })}>${xmlEscape(tier.label)}</text>`);
  for (const box of view.boxes) {
    out.push(`<rect${attrs({ x: box.x, y: box.y, width: box.w, height: box.h, rx: 6, fill: 'none', stroke: box.severity !== null ? severityColour(p, box.severity, p.boxBorder) : p.boxBorder, 'stroke-dasharray': '4 3' })}/>`);
    out.push(`<text${attrs({ x: box.x + 8, y: box.y + 16, fill: box.severity !== null ? severityColour(p, box.severity, p.muted) : p.muted, 'font-size': 11 })}>${xmlEscape(box.label)}</text>`);
  }
  for (const link of view.links) out.push(linkSvg(p, link));
  for (const node of view.nodes) out.push(nodeSvg(p, node));
  summary.forEach((line, i) => {
    out.push(`<text${attrs({ x: 12, y: view.height + 20 + i * SUMMARY_LINE, fill: i === 0 ? p.foreground : p.muted, 'font-size': 12, 'font-weight': i === 0 ? 'bold' : null })}>${xmlEscape(line)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
