/**
 * `topology-tutor lint [--format human|json|sarif] [--rule id=severity]... FILE|DIR...`
 * Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lintText } from './core/lint';
import { normalizeSettings } from './core/settings';
import { formatHuman, formatJson, formatSarif } from './cli/formatters';
import type { FileReport } from './cli/formatters';

const VERSION = '0.1.0';
const USAGE = `Usage: topology-tutor lint [options] FILE|DIR...

Checks topology files (format v1). Directories are searched for *.topology.yaml / *.topology.yml.

Options:
  --format human|json|sarif   output format (default human)
  --rule ID=SEVERITY          override a rule: off, info, warning or error (repeatable)
  --max-file-size-mb N        analyse the fabric only in files up to N MB (default 20)
  --all-findings              list every finding (default: 1,000 per rule per file, then one summary)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable files.
`;

class UsageError extends Error {}

interface Options {
  format: 'human' | 'json' | 'sarif';
  rules: Record<string, string>;
  maxFileSizeMB?: number;
  allFindings?: boolean;
  paths: string[];
}

function parseArgs(args: string[]): Options | 'help' | 'version' {
  const options: Options = { format: 'human', rules: {}, paths: [] };
  const rest = [...args];
  const command = rest.shift();
  if (command === '-h' || command === '--help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'lint') throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest.shift();
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '--format') {
      const format = value();
      if (format !== 'human' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}"`);
      options.format = format;
    } else if (flag === '--rule') {
      const [id, severity] = value().split('=');
      if (!id || !severity || !['off', 'info', 'warning', 'error'].includes(severity)) throw new UsageError('--rule takes ID=off|info|warning|error');
      options.rules[id] = severity;
    } else if (flag === '--max-file-size-mb') {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-file-size-mb takes a positive number');
      options.maxFileSizeMB = n;
    } else if (flag === '--all-findings') {
      options.allFindings = true;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no files given');
  return options;
}

const TOPOLOGY_FILE = /\.topology\.ya?ml$/;

function expand(target: string, out: string[]): void {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    out.push(target);
    return;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) expand(full, out);
    else if (entry.isFile() && TOPOLOGY_FILE.test(entry.name)) out.push(full);
  }
}

export function main(args: string[], write: (text: string) => void, writeError: (text: string) => void): number {
  let options: Options | 'help' | 'version';
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`topology-tutor: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    write(USAGE);
    return 0;
  }
  if (options === 'version') {
    write(`${VERSION}\n`);
    return 0;
  }
  const settings = normalizeSettings({ rules: options.rules, maxFileSizeMB: options.maxFileSizeMB });
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const target of options.paths) {
    const files: string[] = [];
    try {
      expand(target, files);
    } catch (error) {
      writeError(`topology-tutor: cannot read ${target}: ${(error as Error).message}\n`);
      unreadable = true;
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        writeError(`topology-tutor: cannot read ${file}: ${(error as Error).message}\n`);
        unreadable = true;
        continue;
      }
      reports.push({ file, findings: lintText(text, settings, { allFindings: options.allFindings }).findings });
    }
  }
  const lessonsBase = pathToFileURL(path.resolve(__dirname, '..', '..', 'lessons')).toString();
  if (options.format === 'json') write(formatJson(reports));
  else if (options.format === 'sarif') write(formatSarif(reports, lessonsBase, VERSION));
  else write(formatHuman(reports));
  if (unreadable) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  const code = main(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
  process.exitCode = code;
}
