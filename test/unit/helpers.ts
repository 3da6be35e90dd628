/** Small helpers shared by unit tests. */
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Range } from '../../server/src/core/text/lineIndex';

/** Strips the common indentation of a template literal and its first newline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut)).join('\n').replace(/[ ]+$/, '');
}

/** `line:col-line:col`, one-based, for compact range assertions. */
export function at(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** The repository's examples/ folder. */
export const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** Every `*.topology.yaml` / `.yml` under a folder (examples/ by default), recursively. */
export function topologyFiles(dir: string = EXAMPLES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return topologyFiles(full);
    return /\.topology\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** Every containerlab topology (`*.clab.yml` / `.yaml`) under a folder (examples/ by default), recursively. */
export function labFiles(dir: string = EXAMPLES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return labFiles(full);
    return /\.clab\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}
