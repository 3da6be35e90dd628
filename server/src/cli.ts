/**
 * `topology-tutor lint [options] FILE|DIR|GLOB|- ...` (see cli/options.ts for every flag), and
 * `topology-tutor what-if FILE --fail NAME[,NAME…]` (cli/whatIf.ts).
 * Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 bad usage, an
 * unknown rule id, a bad config file, an unreadable file or a pattern that matches no file.
 *
 * Severities, low to high: the rule's default, the nearest .topology-tutor.yaml (or --config), the
 * --rule flags, then suppression comments in the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { VERSION } from './version';
import { applyProjectConfig, withRuleOverrides } from './core/config/applyConfig';
import { createCheckpoint } from './core/budget';
import { isLabFile, lintDocument } from './core/lintDocument';
import type { LintResult } from './core/lint';
import { DEFAULT_MAX_FILE_SIZE_MB, normalizeSettings } from './core/settings';
import { ConfigLocator, isIgnoredBy, loadConfigFile } from './io/configLocator';
import type { LoadedConfig } from './io/configLocator';
import { FileReadError, readRegularFile } from './io/readRegularFile';
import { displayName, oneLine } from './cli/escape';
import { fixText, unifiedDiff } from './cli/fixLoop';
import { countBySeverity, formatHuman, formatJson } from './cli/formatters';
import type { FileReport } from './cli/formatters';
import { formatGithub } from './cli/github';
import { parseCommandLine, USAGE, UsageError } from './cli/options';
import type { CliOptions } from './cli/options';
import { findingSubject, formatSarif } from './cli/sarif';
import { expandTarget, identity } from './cli/targets';
import { runExport } from './cli/exportCommand';
import { runImport } from './cli/importCommand';
import { whatIfMain } from './cli/whatIf';
import type { Input } from './cli/targets';

export { VERSION };

/** Files (and stdin) larger than this are not read: max(64 MB, 2 × the analysis limit). */
export function readLimitBytes(maxFileSizeMB: number): number {
  return Math.max(64, 2 * maxFileSizeMB) * 1024 * 1024;
}

export interface CliEnvironment {
  /** The working folder: relative paths, globs and %SRCROOT% (default process.cwd()). */
  cwd?: string;
  /** Reads all of stdin, refusing more than `maxBytes` (default: process.stdin). */
  readStdin?: (maxBytes: number) => Promise<string>;
}

function readProcessStdin(maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        process.stdin.destroy();
        reject(new FileReadError(`stdin is over the limit of ${maxBytes / (1024 * 1024)} MB`, 'too-large'));
        return;
      }
      chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

interface Planned {
  input: Input;
  config: LoadedConfig | undefined;
}

/** Config errors as compiler-style lines for stderr. */
function configErrorLines(config: LoadedConfig, cwd: string): string[] {
  const shown = displayName(path.relative(cwd, config.path) || config.path);
  return config.parsed.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${shown}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${oneLine(f.message)}`);
}

export async function main(args: string[], write: (text: string) => void, writeError: (text: string) => void, env: CliEnvironment = {}): Promise<number> {
  // `export` and `import` (labs) have their own options; everything else is `lint`.
  if (args[0] === 'export') return runExport(args.slice(1), write, writeError, env.cwd ?? process.cwd());
  if (args[0] === 'import') return runImport(args.slice(1), write, writeError, env.cwd ?? process.cwd());
  if (args[0] === 'what-if') return whatIfMain(args.slice(1), write, writeError, { cwd: env.cwd, readStdin: env.readStdin ?? readProcessStdin });
  let options: CliOptions;
  try {
    const command = parseCommandLine(args);
    if (command.kind === 'help') {
      write(USAGE);
      return 0;
    }
    if (command.kind === 'version') {
      write(`${VERSION}\n`);
      return 0;
    }
    options = command.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`topology-tutor: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  return lint(options, write, writeError, env);
}

async function lint(options: CliOptions, write: (text: string) => void, writeError: (text: string) => void, env: CliEnvironment): Promise<number> {
  const cwd = path.resolve(env.cwd ?? process.cwd());
  const fail = (message: string): void => writeError(`topology-tutor: ${message}\n`);
  const base = normalizeSettings({ maxFileSizeMB: options.maxFileSizeMB, maxAnalysisSeconds: options.maxAnalysisSeconds });
  const readLimit = readLimitBytes(options.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB);
  let usageProblem = false;
  let unreadable = false;
  const notifications: { message: string; file?: string }[] = [];
  const problem = (message: string, file?: string): void => {
    fail(oneLine(message));
    notifications.push({ message, file });
    unreadable = true;
  };

  // 1. Config: --config, else the nearest one per file.
  const locator = new ConfigLocator();
  let fixedConfig: LoadedConfig | undefined;
  if (options.config !== undefined) {
    fixedConfig = loadConfigFile(path.resolve(cwd, options.config));
  }
  const configFor = (input: Input): LoadedConfig | undefined => {
    if (fixedConfig !== undefined) return fixedConfig;
    const where = input.absolute ?? path.join(cwd, '<stdin>');
    return locator.nearest(where);
  };

  // 2. What to lint: expand, drop ignored files, lint each real file once.
  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (const target of options.targets) {
    const expansion = expandTarget(target, cwd, options.stdinFilename);
    if (expansion.unmatched !== undefined) {
      if (options.errorOnUnmatchedPattern) {
        fail(`${oneLine(expansion.unmatched)}${/^cannot read/.test(expansion.unmatched) ? '' : ' (use --no-error-on-unmatched-pattern to allow this)'}`);
        usageProblem = true;
      }
      continue;
    }
    let kept = 0;
    let ignoredBy: LoadedConfig | undefined;
    for (const input of expansion.inputs) {
      const config = configFor(input);
      if (config !== undefined && input.absolute !== undefined && isIgnoredBy(config, input.absolute)) {
        ignoredBy = config;
        if (expansion.inputs.length === 1 && (input.kind === 'stdin' || input.display === target)) {
          fail(`${displayName(input.display)} is ignored by ${displayName(path.relative(cwd, config.path) || config.path)}; not linted`);
          kept++; // named explicitly: a note, not an unmatched pattern
        }
        continue;
      }
      kept++;
      const id = identity(input);
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      planned.push({ input, config });
    }
    if (kept === 0 && ignoredBy !== undefined && options.errorOnUnmatchedPattern) {
      fail(`every file matching ${displayName(target)} is ignored by ${displayName(path.relative(cwd, ignoredBy.path) || ignoredBy.path)} (use --no-error-on-unmatched-pattern to allow this)`);
      usageProblem = true;
    }
  }

  // 3. A config file with errors (unknown rule id, bad YAML, unreadable) stops the run: exit 2.
  const configs = new Set<LoadedConfig>(planned.map((p) => p.config).filter((c): c is LoadedConfig => c !== undefined));
  if (fixedConfig !== undefined) configs.add(fixedConfig);
  const configErrors = [...configs].flatMap((c) => configErrorLines(c, cwd));
  if (configErrors.length > 0) {
    writeError(`${configErrors.join('\n')}\ntopology-tutor: fix the config file${configErrors.length > 1 ? 's' : ''} above; nothing was linted.\n`);
    return 2;
  }
  if (usageProblem) return 2;

  // 4. Read, lint (and fix) each file.
  const reports: FileReport[] = [];
  const diffs: string[] = [];
  let warningsHidden = 0;
  const wantSubjects = options.format === 'sarif';
  for (const { input, config } of planned) {
    let text: string;
    try {
      text = input.kind === 'stdin' ? await (env.readStdin ?? readProcessStdin)(readLimit) : readRegularFile(input.absolute, readLimit);
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      problem(`cannot read ${displayName(input.display)}: ${error.message}`, input.absolute);
      continue;
    }
    const settings = withRuleOverrides(applyProjectConfig(base, config?.parsed.config), options.rules);
    let result: LintResult;
    // A containerlab topology is linted as a lab; its findings have no fixes (they would edit the topology format).
    const name = input.absolute ?? input.display;
    if ((options.fix || options.fixDryRun) && !isLabFile(name)) {
      const outcome = fixText(text, settings);
      result = outcome.result;
      if (outcome.refused) fail(`${displayName(input.display)}: a fix pass would have added an error, so it was not applied; fix the rest by hand`);
      if (result.text !== text) {
        if (options.fixDryRun) {
          diffs.push(unifiedDiff(input.absolute === undefined ? input.display : toPosix(path.relative(cwd, input.absolute)), text, result.text));
        } else if (input.kind === 'file') {
          try {
            fs.writeFileSync(input.absolute, result.text);
          } catch (error) {
            problem(`cannot write ${displayName(input.display)}: ${error instanceof Error ? error.message : String(error)}`, input.absolute);
          }
        }
      }
    } else {
      result = lintDocument(name, text, settings, { checkpoint: createCheckpoint({ budgetMs: settings.maxAnalysisSeconds * 1000 }), allFindings: options.allFindings });
    }
    // A bug in the core shows as one internal-error finding; its stack goes to stderr.
    for (const internal of result.analysis?.internalErrors ?? []) writeError(`topology-tutor: internal error (${internal.context}) in ${displayName(input.display)}:\n${internal.stack}\n`);
    const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    const report: FileReport = { file: input.display, absolutePath: input.absolute, findings };
    if (wantSubjects) report.subjects = findings.map((f) => findingSubject(f, result.text, result.lines));
    reports.push(report);
    // Count warnings before --quiet hid them: --max-warnings sees them all.
    if (options.quiet) warningsHidden += result.findings.filter((f) => f.severity === 'warning').length;
  }

  // 5. Report.
  let output: string;
  if (options.fixDryRun) output = diffs.join('');
  else if (options.format === 'json') output = formatJson(reports);
  else if (options.format === 'sarif') output = formatSarif(reports, { version: VERSION, lessonsBase: options.lessonsBaseUrl, srcRoot: cwd, executionSuccessful: !unreadable, notifications });
  else if (options.format === 'github') output = formatGithub(reports, options.lessonsBaseUrl, (r) => toPosix(r.absolutePath === undefined ? r.file : path.relative(cwd, r.absolutePath)));
  else output = formatHuman(reports);
  if (options.outputFile !== undefined) {
    const target = path.resolve(cwd, options.outputFile);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    } catch (error) {
      fail(`cannot write ${displayName(options.outputFile)}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  } else {
    write(output);
  }

  const counts = countBySeverity(reports);
  const warnings = counts.warning + warningsHidden;
  if (unreadable) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    fail(`${warnings} warning(s), more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`topology-tutor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
