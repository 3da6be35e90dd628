/**
 * Where new YAML goes and how it is indented: detected from the file itself (the column of
 * existing items, flow or block items), so every edit keeps the user's style.
 */
import type { LineIndex } from '../text/lineIndex';
import type { MapNode, Pair, SeqNode, YamlNode } from '../yaml/yamlTree';
import { asMap, getPair, keyName, resolveAlias } from '../yaml/treeQueries';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import { columnOf, eol, insertLinesAfter, lineIndent, yamlString, type OffsetEdit } from './edits';

/** A pair of the root map by key. */
export function rootPair(root: YamlNode | undefined, name: string): Pair | undefined {
  const map = asMap(root);
  return map === undefined ? undefined : getPair(map, name);
}

/** The column of the `- ` that starts the block sequence item at `itemStart`, if that is how it starts. */
export function dashColumn(lines: LineIndex, itemStart: number): number | undefined {
  const pos = lines.positionAt(itemStart);
  const before = lines.lineText(pos.line).slice(0, pos.character);
  const match = /^([ \t]*)-[ \t]+(?:-[ \t]+)*$/.exec(before);
  return match === null ? undefined : match[1].length;
}

/** The indentation step the file uses (the column of the first switch key, else 2). */
export function indentUnit(root: YamlNode | undefined, lines: LineIndex): number {
  for (const name of ['switches', 'servers', 'design']) {
    const map = asMap(rootPair(root, name)?.value);
    if (map !== undefined && !map.flow && map.pairs.length > 0) {
      const col = columnOf(lines, map.pairs[0].key.start);
      if (col > 0) return col;
    }
  }
  return 2;
}

/** Whether new list items should be flow maps: like the existing ones, else like the port groups. */
export function prefersFlowItems(items: readonly YamlNode[], model: FabricModel | undefined): boolean {
  const first = items.map(resolveAlias).find((n) => n?.kind === 'map');
  if (first !== undefined) return (first).flow;
  for (const sw of model?.switches.values() ?? []) {
    for (const g of sw.portGroups) if (g.node.kind === 'map') return g.node.flow;
  }
  return false;
}

export interface NewLink {
  a: string;
  b: string;
  speed: string;
  count: number;
}

function flowLink(link: NewLink): string {
  const count = link.count > 1 ? `, count: ${link.count}` : '';
  return `{ between: [${yamlString(link.a)}, ${yamlString(link.b)}], speed: ${link.speed}${count} }`;
}

function blockLink(link: NewLink, dash: string, content: string): string[] {
  const out = [`${dash}- between: [${yamlString(link.a)}, ${yamlString(link.b)}]`, `${content}speed: ${link.speed}`];
  if (link.count > 1) out.push(`${content}count: ${link.count}`);
  return out;
}

/**
 * One edit that appends `links` entries: after the last existing item, in its style (flow or
 * block, same indentation); into an empty `links:`; or a new `links:` section at the end.
 */
export function appendLinks(root: YamlNode | undefined, lines: LineIndex, model: FabricModel | undefined, links: readonly NewLink[]): OffsetEdit | undefined {
  if (links.length === 0) return undefined;
  const rootMap = asMap(root);
  if (rootMap === undefined || rootMap.flow) return undefined;
  const text = lines.text;
  const nl = eol(text);
  const unit = indentUnit(root, lines);
  const pair = getPair(rootMap, 'links');
  const value = resolveAlias(pair?.value);
  if (pair === undefined) {
    const flow = prefersFlowItems([], model);
    const dash = ' '.repeat(unit);
    const body = ['links:', ...links.flatMap((l) => (flow ? [`${dash}- ${flowLink(l)}`] : blockLink(l, dash, `${dash}  `)))];
    const lead = text.length === 0 || /\n$/.test(text) ? '' : nl;
    return { start: text.length, end: text.length, newText: `${lead}${body.join(nl)}${nl}` };
  }
  if (value === undefined || pair.value !== value) return undefined; // an alias: leave it alone
  if (value.kind === 'scalar' && value.value === null) {
    const keyCol = columnOf(lines, pair.key.start);
    const dash = ' '.repeat(keyCol + unit);
    const flow = prefersFlowItems([], model);
    const body = links.flatMap((l) => (flow ? [`${dash}- ${flowLink(l)}`] : blockLink(l, dash, `${dash}  `)));
    if (value.end > value.start) return undefined; // `links: ~` or `null`: unusual, leave it
    return insertLinesAfter(lines, pair.key.end, body);
  }
  if (value.kind !== 'seq') return undefined;
  const seq: SeqNode = value;
  if (seq.flow) {
    const items = links.map(flowLink);
    if (seq.items.length === 0) {
      const open = text.indexOf('[', seq.start);
      if (open === -1 || open >= seq.end) return undefined;
      return { start: open + 1, end: open + 1, newText: items.join(', ') };
    }
    const last = seq.items[seq.items.length - 1];
    return { start: last.end, end: last.end, newText: `, ${items.join(', ')}` };
  }
  const last = seq.items[seq.items.length - 1];
  const dashCol = dashColumn(lines, last.start);
  if (dashCol === undefined) return undefined;
  const dash = lineIndent(lines, lines.positionAt(last.start).line).slice(0, dashCol).padEnd(dashCol, ' ');
  const content = ' '.repeat(columnOf(lines, last.start));
  const flow = prefersFlowItems(seq.items, model);
  const body = links.flatMap((l) => (flow ? [`${dash}- ${flowLink(l)}`] : blockLink(l, dash, content)));
  return insertLinesAfter(lines, last.end, body);
}

/** Sets a link's `count`: replaces the value, or adds the key in the entry's style. */
export function setLinkCount(lines: LineIndex, link: FabricLink, count: number): OffsetEdit | undefined {
  if (link.countNode !== undefined) {
    if (link.countNode.kind !== 'scalar') return undefined;
    return { start: link.countNode.start, end: link.countNode.end, newText: String(count) };
  }
  const map = link.node.kind === 'map' ? link.node : undefined;
  if (map === undefined || map.pairs.length === 0) return undefined;
  const lastPair = map.pairs[map.pairs.length - 1];
  if (map.flow) return { start: lastPair.value.end, end: lastPair.value.end, newText: `, count: ${count}` };
  const content = ' '.repeat(columnOf(lines, map.pairs[0].key.start));
  return insertLinesAfter(lines, Math.max(lastPair.value.end, lastPair.key.end), [`${content}count: ${count}`]);
}

/** Deletes one item of a sequence: its whole lines in a block list, the item and a comma in a flow list. */
export function deleteItem(lines: LineIndex, seq: SeqNode, index: number): OffsetEdit | undefined {
  const item = seq.items[index];
  if (item === undefined) return undefined;
  if (seq.flow) {
    if (index > 0) return { start: seq.items[index - 1].end, end: item.end, newText: '' };
    if (seq.items.length > 1) return { start: item.start, end: seq.items[1].start, newText: '' };
    return { start: item.start, end: item.end, newText: '' };
  }
  if (dashColumn(lines, item.start) === undefined) return undefined;
  const first = lines.positionAt(item.start).line;
  const last = lines.positionAt(item.end).line;
  // Another item on the same line after this one cannot happen in a block list.
  const start = lines.lineStartOffset(first);
  if (last + 1 < lines.lineCount) return { start, end: lines.lineStartOffset(last + 1), newText: '' };
  // The last line of the file: take the line break before it instead.
  return { start: Math.max(0, start - (lines.text[start - 2] === '\r' ? 2 : 1)), end: lines.text.length, newText: '' };
}

/** The `links` sequence node, when it is written in place (no alias). */
export function linksSeq(root: YamlNode | undefined): SeqNode | undefined {
  const value = rootPair(root, 'links')?.value;
  return value?.kind === 'seq' ? value : undefined;
}

/** The names of the keys of a map. */
export function keysOf(map: MapNode): string[] {
  return map.pairs.map((p) => keyName(p.key));
}

/**
 * Deletes one key of a map in place: in a flow map the pair and a comma; in a block map its whole
 * lines, or, for the first key of a `- key: value` list item, everything up to the next key (which
 * then follows the dash). Undefined when the pair cannot be cut out cleanly.
 */
export function deletePair(lines: LineIndex, map: MapNode, pair: Pair): OffsetEdit | undefined {
  const index = map.pairs.indexOf(pair);
  if (index === -1) return undefined;
  const end = Math.max(pair.key.end, pair.value.end);
  if (map.flow) {
    if (index > 0) {
      const previous = map.pairs[index - 1];
      return { start: Math.max(previous.key.end, previous.value.end), end, newText: '' };
    }
    if (map.pairs.length > 1) return { start: pair.key.start, end: map.pairs[1].key.start, newText: '' };
    return { start: pair.key.start, end, newText: '' };
  }
  const keyLine = lines.positionAt(pair.key.start).line;
  const before = lines.lineText(keyLine).slice(0, lines.positionAt(pair.key.start).character);
  if (/^[ \t]*$/.test(before)) {
    const last = lines.positionAt(end).line;
    const start = lines.lineStartOffset(keyLine);
    if (last + 1 < lines.lineCount) return { start, end: lines.lineStartOffset(last + 1), newText: '' };
    return { start: Math.max(0, start - (lines.text[start - 2] === '\r' ? 2 : 1)), end: lines.text.length, newText: '' };
  }
  // `- kind: peer` on the dash's line: the next key moves up to the dash.
  if (index === 0 && map.pairs.length > 1) return { start: pair.key.start, end: map.pairs[1].key.start, newText: '' };
  return undefined;
}
