/**
 * Switch names across the file: go to definition, find references, rename. A switch is named
 * by its key under `switches`, by link ends and by server groups' leaves.
 */
import type { LintResult } from '../lint';
import { referenceAtOffset, switchReferences, type FabricSwitch, type SwitchReference } from '../model/fabricModel';
import type { OffsetEdit } from './edits';
import { yamlString, yamlStringLike } from './edits';
import { quote } from '../text/quote';

export interface Span {
  start: number;
  end: number;
}

/** The switch reference at `offset` (aliases excluded: they name an anchor, not a switch). */
export function switchRefAt(result: LintResult, offset: number): SwitchReference | undefined {
  const model = result.analysis?.model;
  if (model === undefined) return undefined;
  return referenceAtOffset(model, offset);
}

export function definitionAt(result: LintResult, offset: number): Span | undefined {
  const ref = switchRefAt(result, offset);
  if (ref === undefined) return undefined;
  return { start: ref.switch.keyNode.start, end: ref.switch.keyNode.end };
}

export function referencesOf(result: LintResult, sw: FabricSwitch, includeDeclaration: boolean): SwitchReference[] {
  const model = result.analysis?.model;
  if (model === undefined) return [];
  return switchReferences(model).filter((r) => r.switch === sw && (includeDeclaration || r.kind !== 'definition'));
}

export function referencesAt(result: LintResult, offset: number, includeDeclaration: boolean): Span[] {
  const ref = switchRefAt(result, offset);
  if (ref === undefined) return [];
  return referencesOf(result, ref.switch, includeDeclaration).map((r) => ({ start: r.start, end: r.end }));
}

/** Where a rename can start: the name under the cursor (quotes excluded) and the name itself. */
export function prepareRenameAt(result: LintResult, offset: number): { span: Span; placeholder: string } | undefined {
  const ref = switchRefAt(result, offset);
  if (ref === undefined) return undefined;
  const node = ref.node;
  const quoted = node.kind === 'scalar' && (node.style === 'single' || node.style === 'double');
  return { span: quoted ? { start: ref.start + 1, end: ref.end - 1 } : { start: ref.start, end: ref.end }, placeholder: ref.switch.name };
}

export class RenameError extends Error {}

/**
 * Characters a new switch name may not hold: controls (YAML cannot hold most of them raw,
 * and a quoted escape would still hide them from readers), bidi embeddings, overrides and
 * isolates, the BOM, noncharacters and lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const UNUSABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `U+202E`. */
function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}


/**
 * The edits renaming the switch at `offset` to `newName`, each keeping its quoting style.
 * Undefined when no switch is there; throws RenameError for a name that cannot be used.
 */
export function renameAt(result: LintResult, offset: number, newName: string): OffsetEdit[] | undefined {
  const ref = switchRefAt(result, offset);
  if (ref === undefined) return undefined;
  const model = result.analysis!.model;
  const name = newName;
  if (name.trim() === '') throw new RenameError('A switch name cannot be empty.');
  if (/[\r\n\u0085\u2028\u2029]/.test(name)) throw new RenameError('A switch name cannot span lines.');
  const unusable = UNUSABLE.exec(name);
  if (unusable !== null) {
    throw new RenameError(`A switch name cannot hold the invisible or control character ${codePoint(unusable[0])}: it would hide in the file or break its YAML.`);
  }
  if (name === ref.switch.name) return [];
  if (model.switches.has(name)) throw new RenameError(`A switch named ${quote(name)} already exists: pick another name.`);
  const edits: OffsetEdit[] = [];
  for (const r of referencesOf(result, ref.switch, true)) {
    const node = r.node;
    if (node.kind !== 'scalar') continue; // an alias names an anchor, not the switch
    if (node.style === 'literal' || node.style === 'folded') {
      // A block scalar's content is the name verbatim, on its own indented line: it cannot be
      // quoted there, so only a name with no surrounding blanks fits.
      if (name !== name.trim()) {
        const line = result.lines.positionAt(node.start).line + 1;
        throw new RenameError(`${quote(ref.switch.name)} is written as a block scalar (\`|\` or \`>\`) on line ${line}, which cannot hold a name that starts or ends with a blank: rename it without them, or rewrite that reference as a plain name first.`);
      }
      const indent = /^[ \t]*/.exec(result.text.slice(node.start, node.end))![0];
      edits.push({ start: node.start, end: node.end, newText: `${indent}${name}` });
      continue;
    }
    edits.push({ start: node.start, end: node.end, newText: node.style === 'plain' ? yamlString(name) : yamlStringLike(name, node) });
  }
  return edits;
}
