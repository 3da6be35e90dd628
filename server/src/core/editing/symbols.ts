/** The outline: switches grouped by role, server groups, links, design. Pure. */
import type { LintResult } from '../lint';
import type { FabricSwitch } from '../model/fabricModel';
import { switchFigures } from '../hints/inlayHints';
import { formatNumber } from '../model/number';
import { asMap, keyName, stringValue } from '../yaml/treeQueries';
import type { YamlNode } from '../yaml/yamlTree';
import { rootPair } from './layout';
import { maxOf, minOf } from '../arrays';
import { visible } from '../text/visible';

export type SymbolKind = 'section' | 'group' | 'switch' | 'server-group' | 'link' | 'field';

export interface CoreSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: CoreSymbol[];
}

const ROLE_GROUPS: { role: FabricSwitch['role']; title: string }[] = [
  { role: 'spine', title: 'Spines' },
  { role: 'leaf', title: 'Leaves' },
  { role: 'super-spine', title: 'Super-spines' },
  { role: undefined, title: 'No role' },
];

function span(node: YamlNode): { start: number; end: number } {
  return { start: node.start, end: node.end };
}

function section(name: string, key: YamlNode, value: YamlNode, children: CoreSymbol[], detail?: string): CoreSymbol {
  return {
    name,
    detail,
    kind: 'section',
    start: key.start,
    end: Math.max(key.end, value.end),
    selectionStart: key.start,
    selectionEnd: key.end,
    children,
  };
}

/** Leaves named in a server group's detail at most; the rest are counted. */
const DETAIL_LEAVES = 8;

/** `a, b, c`, or the first DETAIL_LEAVES and `… and N more` (names escaped). */
function leafList(names: readonly string[]): string {
  const shown = names.slice(0, DETAIL_LEAVES).map(visible).join(', ');
  const more = names.length - Math.min(names.length, DETAIL_LEAVES);
  return more > 0 ? `${shown}, … and ${formatNumber(more, 0)} more` : shown;
}

function text(node: YamlNode | undefined): string {
  const value = node?.kind === 'scalar' ? node.text : undefined;
  return value ?? '?';
}

export function documentSymbols(result: LintResult): CoreSymbol[] {
  const model = result.analysis?.model;
  const root = result.parsed.root;
  if (model === undefined || root === undefined) return [];
  const out: CoreSymbol[] = [];

  const switchesPair = rootPair(root, 'switches');
  if (switchesPair !== undefined) {
    const groups: CoreSymbol[] = [];
    for (const { role, title } of ROLE_GROUPS) {
      const members = [...model.switches.values()].filter((sw) => sw.role === role);
      if (members.length === 0) continue;
      const children = members.map((sw) => {
        const figures = switchFigures(sw);
        return {
          name: visible(sw.name),
          detail: figures ?? sw.role ?? '',
          kind: 'switch' as const,
          start: sw.keyNode.start,
          end: Math.max(sw.keyNode.end, sw.valueNode.end),
          selectionStart: sw.keyNode.start,
          selectionEnd: sw.keyNode.end,
          children: [],
        };
      });
      const start = minOf(children.map((c) => c.start), 0);
      const end = maxOf(children.map((c) => c.end), 0);
      const first = children.find((c) => c.start === start)!;
      groups.push({ name: title, detail: `${members.length}`, kind: 'group', start, end, selectionStart: first.selectionStart, selectionEnd: first.selectionEnd, children });
    }
    out.push(section('Switches', switchesPair.key, switchesPair.value, groups, `${model.switches.size}`));
  }

  const serversPair = rootPair(root, 'servers');
  if (serversPair !== undefined) {
    const children: CoreSymbol[] = [...model.serverGroups.values()].map((g) => {
      const nics = g.nicCount !== undefined && g.nicSpeedGbps !== undefined ? ` × ${formatNumber(g.nicCount, 0)}×${text(asMap(g.nicsNode)?.pairs.find((p) => keyName(p.key) === 'speed')?.value)}` : '';
      const leaves = leafList(g.leaves.map((l) => l.name ?? '?'));
      return {
        name: visible(g.name),
        detail: `${g.count !== undefined ? formatNumber(g.count, 0) : '?'}${visible(nics)}${leaves.length > 0 ? ` → ${leaves}` : ''}`,
        kind: 'server-group' as const,
        start: g.keyNode.start,
        end: Math.max(g.keyNode.end, g.valueNode.end),
        selectionStart: g.keyNode.start,
        selectionEnd: g.keyNode.end,
        children: [],
      };
    });
    out.push(section('Server groups', serversPair.key, serversPair.value, children, `${children.length}`));
  }

  const linksPair = rootPair(root, 'links');
  if (linksPair !== undefined) {
    const children: CoreSymbol[] = model.links.map((link) => {
      const ends = link.ends !== undefined ? `${visible(link.ends[0].name ?? '?')} ↔ ${visible(link.ends[1].name ?? '?')}` : `link ${link.index + 1}`;
      const count = link.count !== undefined ? formatNumber(link.count, 0) : '?';
      const speed = visible(stringValue(link.speedNode) ?? '?');
      const selection = link.betweenNode ?? link.node;
      return {
        name: `${ends} · ${count}×${speed}`,
        kind: 'link' as const,
        ...span(link.node),
        selectionStart: selection.start,
        selectionEnd: selection.end,
        children: [],
      };
    });
    out.push(section('Links', linksPair.key, linksPair.value, children, `${children.length}`));
  }

  const designPair = rootPair(root, 'design');
  if (designPair !== undefined) {
    const map = asMap(designPair.value);
    const children: CoreSymbol[] = (map?.pairs ?? []).map((pair) => ({
      name: visible(keyName(pair.key)),
      detail: visible(text(pair.value)),
      kind: 'field' as const,
      start: pair.key.start,
      end: Math.max(pair.key.end, pair.value.end),
      selectionStart: pair.key.start,
      selectionEnd: pair.key.end,
      children: [],
    }));
    out.push(section('Design', designPair.key, designPair.value, children));
  }
  return out;
}
