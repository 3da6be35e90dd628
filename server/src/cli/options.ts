/**
 * The command line of `topology-tutor lint`: one table of options (node:util parseArgs), the usage
 * text generated from it, and the checks that turn raw values into CliOptions. To add an option, add a
 * row to OPTIONS and read it in parseCommandLine.
 */
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../core/findings';
import { RULE_IDS, RULES } from '../core/rules/catalog';
import { closestName } from '../core/text/closestName';

export class UsageError extends Error {}

export const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const DEFAULT_LESSONS_BASE_URL = 'https://github.com/topology-tutor/topology-tutor/blob/main/lessons';

export interface OptionRow {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder of the value in the usage text. */
  value?: string;
  /** One line of usage text; a row without it is a hidden alias. */
  help?: string;
}

export const OPTIONS = {
  format: { type: 'string', short: 'f', value: 'human|json|sarif|github', help: 'output format (default human)' },
  rule: { type: 'string', multiple: true, value: 'ID=SEVERITY', help: 'set a rule to off, info, warning or error (repeatable; wins over the config file)' },
  config: { type: 'string', short: 'c', value: 'PATH', help: 'use this config file for every file (no .topology-tutor.yaml lookup)' },
  'max-file-size-mb': { type: 'string', value: 'N', help: 'analyse the fabric only in files up to N MB (default 20); files over max(64, 2N) MB are not read' },
  'all-findings': { type: 'boolean', help: 'list every finding (default: 1,000 per rule per file, then one summary)' },
  'max-analysis-seconds': { type: 'string', value: 'N', help: "stop a file's fabric analysis after N seconds and report analysis-skipped (default 10)" },
  fix: { type: 'boolean', help: 'apply the safe fixes in place (as the editor\'s Fix All), then report what is left' },
  'fix-dry-run': { type: 'boolean', help: 'print the fixes as a unified diff instead of writing them (the diff replaces the report)' },
  'max-warnings': { type: 'string', value: 'N', help: 'exit 1 when there are more than N warnings' },
  quiet: { type: 'boolean', short: 'q', help: 'report errors only' },
  'output-file': { type: 'string', short: 'o', value: 'PATH', help: 'write the report to PATH instead of stdout' },
  'stdin-filename': { type: 'string', value: 'NAME', help: 'with `-`: the name of the text read from stdin (for messages and config lookup)' },
  'no-error-on-unmatched-pattern': { type: 'boolean', help: 'a pattern or path that matches no file is not an error' },
  'lessons-base-url': { type: 'string', value: 'URL', help: `where SARIF and GitHub output link the lessons (default ${DEFAULT_LESSONS_BASE_URL})` },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'V', help: 'show the version' },
  'version-lowercase-v': { type: 'boolean', short: 'v' },
} as const satisfies Record<string, OptionRow>;

export interface CliOptions {
  format: Format;
  /** `--rule` flags, by rule id. */
  rules: Map<string, SeveritySetting>;
  config?: string;
  maxFileSizeMB?: number;
  maxAnalysisSeconds?: number;
  /** Every finding, not 1,000 per rule per file and a summary. */
  allFindings: boolean;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  quiet: boolean;
  outputFile?: string;
  stdinFilename?: string;
  errorOnUnmatchedPattern: boolean;
  lessonsBaseUrl: string;
  /** Files, folders, glob patterns and `-` (stdin), in order. */
  targets: string[];
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; options: CliOptions };

/** One line per option of a table (a command's OPTIONS), aligned. */
export function usageLines(options: Record<string, OptionRow> = OPTIONS): string[] {
  const rows = Object.entries(options).filter(([, row]) => row.help !== undefined);
  const left = rows.map(([name, row]) => `${row.short !== undefined ? `-${row.short}, ` : '    '}--${name}${row.value !== undefined ? ` ${row.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return rows.map(([, row], i) => `  ${left[i].padEnd(width)}${row.help ?? ''}`);
}

export const USAGE = `Usage: topology-tutor lint [options] FILE|DIR|GLOB|- ...
       topology-tutor what-if FILE --fail NAME[,NAME…]   (what-if --help for its options)

Checks topology files (format v1) and containerlab topologies (*.clab.yml). Folders are searched
for *.topology.yaml / *.topology.yml and *.clab.yml / *.clab.yaml (symbolic links to files are
followed, to folders not; node_modules and dot folders are skipped).
Quote glob patterns ('fabrics/**/*.topology.yaml'); \`-\` reads stdin.
Each file's nearest .topology-tutor.yaml (or .yml), from its folder up to the filesystem root,
sets rule severities and ignored files, unless --config names one.

Options:
${usageLines().join('\n')}

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, an unknown rule id, a bad config file, an unreadable file or a pattern that matches
no file.

Labs: topology-tutor export --to containerlab|netlab FILE [-o OUT] [--kind KIND] [--servers N]
      topology-tutor import FILE.clab.yml [-o OUT]          (--help on each for more)
`;

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** `--rule` and config ids: an unknown id is a usage error with "did you mean". */
export function unknownRuleMessage(id: string): string {
  const suggestion = closestName(id, RULE_IDS);
  return suggestion === undefined ? `unknown rule id "${id}" (known: ${RULE_IDS.join(', ')})` : `unknown rule id "${id}"; did you mean "${suggestion}"?`;
}

function positiveNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} takes a positive number; got "${raw}"`);
  return n;
}

export function parseCommandLine(args: readonly string[]): Command {
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help') return { kind: 'help' };
  if (command === '-V' || command === '-v' || command === '--version') return { kind: 'version' };
  if (command !== 'lint') throw new UsageError(command === undefined ? 'missing command (lint, export, import or what-if)' : `unknown command "${command}" (lint, export, import or what-if)`);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' '));
  }
  const v = parsed.values;
  if (v.help === true) return { kind: 'help' };
  if (v.version === true || v['version-lowercase-v'] === true) return { kind: 'version' };

  const format = v.format ?? 'human';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (human, json, sarif or github)`);

  const rules = new Map<string, SeveritySetting>();
  for (const spec of v.rule ?? []) {
    const at = spec.lastIndexOf('=');
    const id = at < 0 ? spec : spec.slice(0, at).trim();
    const severity = at < 0 ? '' : spec.slice(at + 1).trim();
    if (at < 0 || id === '' || !SEVERITIES.includes(severity)) throw new UsageError(`--rule takes ID=off|info|warning|error; got "${spec}"`);
    if (!RULES.has(id)) throw new UsageError(unknownRuleMessage(id));
    rules.set(id, severity as SeveritySetting);
  }

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'];
    maxWarnings = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number ≥ 0; got "${raw}"`);
  }

  let lessonsBaseUrl = v['lessons-base-url'] ?? DEFAULT_LESSONS_BASE_URL;
  try {
    const url = new URL(lessonsBaseUrl);
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new Error('scheme');
  } catch {
    throw new UsageError(`--lessons-base-url takes an absolute http(s) or file URL; got "${lessonsBaseUrl}"`);
  }
  lessonsBaseUrl = lessonsBaseUrl.replace(/\/+$/, '');

  const targets = parsed.positionals;
  const stdinCount = targets.filter((t) => t === '-').length;
  const fix = v.fix === true;
  const fixDryRun = v['fix-dry-run'] === true;
  if (targets.length === 0) throw new UsageError('no files given (a file, a folder, a glob pattern, or - for stdin)');
  if (stdinCount > 1) throw new UsageError('- (stdin) can be given once');
  if (fix && fixDryRun) throw new UsageError('use either --fix or --fix-dry-run');
  if (fix && stdinCount > 0) throw new UsageError('--fix cannot write back to stdin; use --fix-dry-run to see the fixes as a diff');
  if (v['stdin-filename'] !== undefined && stdinCount === 0) throw new UsageError('--stdin-filename needs - (stdin) among the files');
  if (v['stdin-filename'] === '') throw new UsageError('--stdin-filename must not be empty');
  if (v.config === '') throw new UsageError('--config must not be empty');
  if (v['output-file'] === '') throw new UsageError('--output-file must not be empty');

  return {
    kind: 'lint',
    options: {
      format: format as Format,
      rules,
      config: v.config,
      maxFileSizeMB: positiveNumber('max-file-size-mb', v['max-file-size-mb']),
      maxAnalysisSeconds: positiveNumber('max-analysis-seconds', v['max-analysis-seconds']),
      allFindings: v['all-findings'] === true,
      fix,
      fixDryRun,
      maxWarnings,
      quiet: v.quiet === true,
      outputFile: v['output-file'],
      stdinFilename: v['stdin-filename'],
      errorOnUnmatchedPattern: v['no-error-on-unmatched-pattern'] !== true,
      lessonsBaseUrl,
      targets,
    },
  };
}
