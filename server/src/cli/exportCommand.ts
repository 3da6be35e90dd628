/**
 * `topology-tutor export --to containerlab|netlab FILE [-o OUT] [--kind KIND | --kind ROLE=KIND …]
 * [--servers N]`: a topology file as a lab. Writes the lab to OUT (or stdout) and its warnings to
 * stderr; a fabric with errors exports anyway (the warnings list them). Exit 0 when a lab was
 * written, 2 on bad usage, an unreadable file or a file that cannot be analysed.
 */
import { parseArgs } from 'node:util';
import type { Role } from '../core/model/fabricModel';
import { lintText } from '../core/lint';
import { KINDS, kindInfo } from '../core/interop/kinds';
import { exportLab, LAB_FORMATS, type ExportOptions, type LabFormat } from '../core/interop/export/exportLab';
import { closestName } from '../core/text/closestName';
import { LabUsageError, printWarnings, readInput, writeOutput } from './labArgs';
import * as path from 'path';

export const EXPORT_OPTIONS = {
  to: { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  kind: { type: 'string', multiple: true },
  servers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ROLES: readonly Role[] = ['leaf', 'spine', 'super-spine', 'external'];
const KIND_NAMES = KINDS.map((k) => k.kind);

export const EXPORT_USAGE = `Usage: topology-tutor export --to containerlab|netlab FILE [-o OUT] [options]

Writes a topology file as a lab: a containerlab topology (.clab.yml: one node per switch, one
link per parallel cable, interfaces taken in order from each switch's port groups, labels that
carry roles, pods, planes, ports and speeds so \`topology-tutor lint\` checks the lab as the
original) or a netlab topology (ready for \`netlab up\`). A fabric with errors is exported anyway;
the warnings (on stderr) list them. The output is the same for the same input.

Options:
  --to containerlab|netlab   the lab format (required)
  -o, --output-file OUT      write the lab to OUT instead of stdout
  --kind KIND                the kind of every switch: ${KIND_NAMES.join(', ')} (default nokia_srlinux; externals are linux)
  --kind ROLE=KIND           the kind of one role (leaf, spine, super-spine, external); repeatable
  --servers N                add up to N Linux hosts per server group, wired to its leaves (default 0)
  -h, --help                 show this help

Exit codes: 0 the lab was written, 2 bad usage, an unreadable file, or a file that cannot be analysed.
`;

function parseKinds(specs: readonly string[]): Pick<ExportOptions, 'kind' | 'kinds'> {
  const out: Pick<ExportOptions, 'kind' | 'kinds'> = {};
  const known = (name: string): string => {
    const info = kindInfo(name);
    if (info === undefined) {
      const suggestion = closestName(name, KIND_NAMES);
      throw new LabUsageError(`unknown kind "${name}"${suggestion !== undefined ? `; did you mean "${suggestion}"?` : ''} (known: ${KIND_NAMES.join(', ')})`);
    }
    return info.kind;
  };
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (at === -1) {
      out.kind = known(spec.trim());
      continue;
    }
    const role = spec.slice(0, at).trim();
    if (!(ROLES as readonly string[]).includes(role)) throw new LabUsageError(`--kind ROLE=KIND takes a role of ${ROLES.join(', ')}; got "${role}"`);
    out.kinds = { ...out.kinds, [role]: known(spec.slice(at + 1).trim()) };
  }
  return out;
}

function parse(args: readonly string[]): { help: true } | { help: false; format: LabFormat; file: string; output?: string; options: ExportOptions } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof EXPORT_OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: EXPORT_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new LabUsageError((error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' '));
  }
  const v = parsed.values;
  if (v.help === true) return { help: true };
  if (v.to === undefined) throw new LabUsageError('--to is required: containerlab or netlab');
  if (!(LAB_FORMATS as readonly string[]).includes(v.to)) throw new LabUsageError(`--to takes containerlab or netlab; got "${v.to}"`);
  if (parsed.positionals.length !== 1) throw new LabUsageError(parsed.positionals.length === 0 ? 'no file given (the topology file to export)' : 'export takes one file');
  let servers: number | undefined;
  if (v.servers !== undefined) {
    servers = Number(v.servers);
    if (!/^\d+$/.test(v.servers.trim()) || !Number.isSafeInteger(servers) || servers > 1000) throw new LabUsageError(`--servers takes a whole number from 0 to 1000; got "${v.servers}"`);
  }
  if (v['output-file'] === '') throw new LabUsageError('--output-file must not be empty');
  const file = parsed.positionals[0];
  return { help: false, format: v.to as LabFormat, file, output: v['output-file'], options: { ...parseKinds(v.kind ?? []), servers, sourceName: path.basename(file) } };
}

export function runExport(args: readonly string[], write: (text: string) => void, writeError: (text: string) => void, cwd: string): number {
  let command: ReturnType<typeof parse>;
  try {
    command = parse(args);
  } catch (error) {
    if (!(error instanceof LabUsageError)) throw error;
    writeError(`topology-tutor: ${error.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (command.help) {
    write(EXPORT_USAGE);
    return 0;
  }
  const input = readInput(command.file, cwd);
  if ('error' in input) {
    writeError(`topology-tutor: ${input.error}\n`);
    return 2;
  }
  const outcome = exportLab(lintText(input.text), command.format, command.options);
  if (!outcome.ok) {
    writeError(`topology-tutor: cannot export ${command.file}: ${outcome.error}\n`);
    return 2;
  }
  printWarnings(outcome.warnings, writeError);
  const failed = writeOutput(outcome.text, command.output, cwd, write);
  if (failed !== undefined) {
    writeError(`topology-tutor: ${failed}\n`);
    return 2;
  }
  return 0;
}
