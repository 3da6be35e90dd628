/** What `export` and `import` share: reading the one input file, writing the output, printing warnings. */
import * as fs from 'fs';
import * as path from 'path';
import { FileReadError, readRegularFile } from '../io/readRegularFile';
import { displayName, oneLine } from './escape';

/** Lab inputs are read up to this size (as `lint` reads files at the default analysis limit). */
export const LAB_READ_LIMIT = 64 * 1024 * 1024;

export class LabUsageError extends Error {}

export function readInput(file: string, cwd: string): { text: string } | { error: string } {
  try {
    return { text: readRegularFile(path.resolve(cwd, file), LAB_READ_LIMIT) };
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return { error: `cannot read ${displayName(file)}: ${error.message}` };
  }
}

/** Writes `text` to `output` (relative to cwd; folders created) or, without one, to stdout. */
export function writeOutput(text: string, output: string | undefined, cwd: string, write: (text: string) => void): string | undefined {
  if (output === undefined) {
    write(text);
    return undefined;
  }
  const target = path.resolve(cwd, output);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    return undefined;
  } catch (error) {
    return `cannot write ${displayName(output)}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function printWarnings(warnings: readonly string[], writeError: (text: string) => void): void {
  for (const warning of warnings) writeError(/^\s/.test(warning) ? `  ${oneLine(warning.trim())}\n` : `topology-tutor: warning: ${oneLine(warning)}\n`);
}
