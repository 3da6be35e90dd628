/**
 * `topology-tutor import FILE.clab.yml [-o OUT]`: a containerlab topology as the equivalent
 * topology file (format 1.1). Writes it to OUT (or stdout) and what the lab does not say to
 * stderr. Exit 0 when a file was written, 2 on bad usage or a lab that cannot be read.
 */
import { parseArgs } from 'node:util';
import * as path from 'path';
import { importLab } from '../core/interop/containerlab/importLab';
import { LabUsageError, printWarnings, readInput, writeOutput } from './labArgs';

const IMPORT_OPTIONS = {
  'output-file': { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const IMPORT_USAGE = `Usage: topology-tutor import FILE.clab.yml [-o OUT]

Writes a containerlab topology as the equivalent topology file (format 1.1): roles, pods and
planes from the nodes' labels (or inferred from names and links, and then written out), ports
from \`topology.ports\` labels or the built-in table of the node's kind and type, speeds from the
links' labels or their ports, server groups from \`topology.servers.<group>\` labels and Linux hosts.
What the lab does not say is left out with a comment, and listed on stderr.

Options:
  -o, --output-file OUT   write the topology file to OUT instead of stdout
  -h, --help              show this help

Exit codes: 0 the file was written, 2 bad usage, an unreadable file, or a lab that cannot be read.
`;

export function runImport(args: readonly string[], write: (text: string) => void, writeError: (text: string) => void, cwd: string): number {
  let file: string;
  let output: string | undefined;
  try {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof IMPORT_OPTIONS; allowPositionals: true; strict: true }>>;
    try {
      parsed = parseArgs({ args: [...args], options: IMPORT_OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new LabUsageError((error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' '));
    }
    if (parsed.values.help === true) {
      write(IMPORT_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new LabUsageError(parsed.positionals.length === 0 ? 'no file given (the containerlab topology to import)' : 'import takes one file');
    if (parsed.values['output-file'] === '') throw new LabUsageError('--output-file must not be empty');
    file = parsed.positionals[0];
    output = parsed.values['output-file'];
  } catch (error) {
    if (!(error instanceof LabUsageError)) throw error;
    writeError(`topology-tutor: ${error.message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const input = readInput(file, cwd);
  if ('error' in input) {
    writeError(`topology-tutor: ${input.error}\n`);
    return 2;
  }
  const outcome = importLab(input.text, path.basename(file));
  if (!outcome.ok) {
    writeError(`topology-tutor: cannot import ${file}: ${outcome.error}\n`);
    return 2;
  }
  printWarnings(outcome.warnings, writeError);
  const failed = writeOutput(outcome.text, output, cwd, write);
  if (failed !== undefined) {
    writeError(`topology-tutor: ${failed}\n`);
    return 2;
  }
  return 0;
}
