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
 * The edits renaming the switch at `offset` to `newName`, each keeping its quoting style.
 * Undefined when no switch is there; throws RenameError for a name that cannot be used.
 */
export function renameAt(result: LintResult, offset: number, newName: string): OffsetEdit[] | undefined {
  const ref = switchRefAt(result, offset);
  if (ref === undefined) return undefined;
  const model = result.analysis!.model;
  const name = newName;
  if (name.trim() === '') throw new RenameError('A switch name cannot be empty.');
  if (/[\r\n]/.test(name)) throw new RenameError('A switch name cannot span lines.');
  if (name === ref.switch.name) return [];
  if (model.switches.has(name)) throw new RenameError(`A switch named ${quote(name)} already exists: pick another name.`);
  const edits: OffsetEdit[] = [];
  for (const r of referencesOf(result, ref.switch, true)) {
    const node = r.node;
    if (node.kind !== 'scalar') continue; // an alias names an anchor, not the switch
    edits.push({ start: node.start, end: node.end, newText: node.style === 'plain' ? yamlString(name) : yamlStringLike(name, node) });
  }
  return edits;
}
