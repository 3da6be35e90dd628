/**
 * Semantic tokens: switch names (definitions and references), speeds, roles. Types are
 * standard ones every theme colours: `variable` (+ `declaration` at a definition, + a role
 * modifier), `number`, `enumMember`.
 */
import type { LintResult } from '../lint';
import { switchReferences } from '../model/fabricModel';
import { asMap, getPair, keyName } from '../yaml/treeQueries';
import type { YamlNode } from '../yaml/yamlTree';

export const TOKEN_TYPES = ['variable', 'number', 'enumMember'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'leaf', 'spine', 'superSpine'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface CoreToken {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const ROLE_MODIFIER: Record<string, TokenModifier> = { leaf: 'leaf', spine: 'spine', 'super-spine': 'superSpine' };

function scalarToken(node: YamlNode | undefined, type: TokenType, out: CoreToken[]): void {
  if (node?.kind === 'scalar' && node.end > node.start) out.push({ start: node.start, end: node.end, type, modifiers: [] });
}

/** Tokens sorted by start, never overlapping. */
export function semanticTokens(result: LintResult): CoreToken[] {
  const model = result.analysis?.model;
  if (model === undefined) return [];
  const out: CoreToken[] = [];
  for (const ref of switchReferences(model)) {
    const modifiers: TokenModifier[] = ref.kind === 'definition' ? ['declaration'] : [];
    const role = ref.switch.role === undefined ? undefined : ROLE_MODIFIER[ref.switch.role];
    if (role !== undefined) modifiers.push(role);
    out.push({ start: ref.start, end: ref.end, type: 'variable', modifiers });
  }
  for (const sw of model.switches.values()) {
    const map = asMap(sw.valueNode);
    if (map === undefined) continue;
    scalarToken(getPair(map, 'role')?.value, 'enumMember', out);
    for (const g of sw.portGroups) {
      const group = asMap(g.node);
      if (group !== undefined) scalarToken(getPair(group, 'speed')?.value, 'number', out);
    }
  }
  for (const link of model.links) scalarToken(link.speedNode, 'number', out);
  for (const group of model.serverGroups.values()) {
    const nics = asMap(group.nicsNode);
    if (nics !== undefined) for (const pair of nics.pairs) if (keyName(pair.key) === 'speed') scalarToken(pair.value, 'number', out);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const clean: CoreToken[] = [];
  for (const token of out) {
    const last = clean[clean.length - 1];
    if (last !== undefined && token.start < last.end) continue;
    clean.push(token);
  }
  return clean;
}
