/**
 * The one entry for linting an open document or a file: containerlab topologies (`*.clab.yml`,
 * `*.clab.yaml`, by name) go to the lab linter, unless `topology.containerlab.enabled` is off;
 * everything else is a topology file. Pure: a name, text and settings in, a LintResult out.
 */
import { lintText, type LintOptions, type LintResult } from './lint';
import type { LintSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { LineIndex } from './text/lineIndex';
import { lintLab } from './interop/containerlab/lintLab';

/** A containerlab topology file name (the pattern the client's document selector uses too). */
export const LAB_FILE = /\.clab\.ya?ml$/;

/** True when a URI or path names a containerlab topology (query and fragment ignored). */
export function isLabFile(uriOrPath: string): boolean {
  const path = uriOrPath.replace(/[?#].*$/s, '');
  return LAB_FILE.test(path);
}

export function lintDocument(uriOrPath: string, text: string, settings: LintSettings = DEFAULT_SETTINGS, options: LintOptions = {}): LintResult {
  if (!isLabFile(uriOrPath)) return lintText(text, settings, options);
  if (settings.containerlab) return lintLab(text, settings, options);
  // Switched off: a result with nothing in it, so no diagnostic, hover or hint appears.
  return { text, lines: new LineIndex(text), parsed: { root: undefined, errors: [], nodeCount: 0, empty: true }, findings: [], settings };
}
