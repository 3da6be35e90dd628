/**
 * `topology-tutor what-if FILE --fail NAME[,NAME…] [--fail-each spine] [--format human|json]`: the
 * fabric recomputed without the failed switches and links (a link as `A--B`: every `links` entry
 * between A and B), by the same core function the diagram's what-if uses (core/whatIf/whatIf.ts).
 * JSON lists every leaf whose figures change (uplink, paths, downlink or ratio), in file order.
 * FILE may be a containerlab topology (*.clab.yml), read by the lab linter like `lint` does.
 * Exit codes: 0 the fabric survives, 1 a failure disconnects a leaf or pushes one over its design
 * limit, 2 bad usage, an unknown switch or link, an unreadable file or one that cannot be analysed.
 */
import * as path from 'path';
import { parseArgs } from 'node:util';
import { lintDocument } from '../core/lintDocument';
import type { FabricModel } from '../core/model/fabricModel';
import { normalizeSettings } from '../core/settings';
import { closestName } from '../core/text/closestName';
import { failEachSpine, resolveFailures, whatIf } from '../core/whatIf/whatIf';
import type { WhatIfResult } from '../core/whatIf/whatIf';
import { changeCells, whatIfReport, whatIfSentences, worstFirst } from '../core/whatIf/whatIfReport';
import { FileReadError, readRegularFile } from '../io/readRegularFile';
import { displayName, oneLine } from './escape';
import { usageLines, UsageError } from './options';
import type { OptionRow } from './options';

export const WHAT_IF_OPTIONS = {
  fail: { type: 'string', multiple: true, value: 'NAME[,NAME…]', help: 'fail these switches; a link as A--B (every entry between A and B); repeatable' },
  'fail-each': { type: 'string', value: 'spine', help: 'fail each spine in turn (on top of --fail) and report the worst' },
  format: { type: 'string', short: 'f', value: 'human|json', help: 'output format (default human)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies Record<string, OptionRow>;

export const WHAT_IF_USAGE = `Usage: topology-tutor what-if FILE --fail NAME[,NAME…] [options]
       topology-tutor what-if FILE --fail-each spine [options]

What happens when switches or links fail: each leaf's uplink, ratio and ECMP paths before and
after, the leaves disconnected (no spine left) and those pushed over the design's limit. The file
is not changed. FILE may be - (stdin).

Options:
${usageLines(WHAT_IF_OPTIONS).join('\n')}

Exit codes: 0 the fabric survives, 1 a failure disconnects a leaf or pushes one over its limit,
2 bad usage, an unknown switch or link, or a file that cannot be read or analysed.
`;

export interface WhatIfOptions {
  file: string;
  fail: string[];
  failEach: 'spine' | undefined;
  format: 'human' | 'json';
}

/** `what-if` arguments (after the command word) → options, or `help`. */
export function parseWhatIfArgs(args: readonly string[]): WhatIfOptions | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof WHAT_IF_OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: WHAT_IF_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' '));
  }
  const v = parsed.values;
  if (v.help === true) return 'help';
  const format = v.format ?? 'human';
  if (format !== 'human' && format !== 'json') throw new UsageError(`what-if: unknown format "${format}" (human or json)`);
  const failEach = v['fail-each'];
  if (failEach !== undefined && failEach !== 'spine') throw new UsageError(`what-if: --fail-each takes "spine"; got "${failEach}"`);
  const fail = v.fail ?? [];
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'what-if: no file given' : 'what-if takes one file');
  if (fail.length === 0 && failEach === undefined) throw new UsageError('what-if: say what fails: --fail NAME[,NAME…] or --fail-each spine');
  return { file: parsed.positionals[0], fail, failEach, format };
}

interface Named {
  switches: string[];
  links: [string, string][];
  /** As given, for the report's `failed`. */
  labels: string[];
  errors: string[];
}

/** `A--B` → the two switch names, trying every `--` in it (names may contain `--`). */
function asLink(model: FabricModel, spec: string): [string, string] | undefined {
  for (let at = spec.indexOf('--'); at !== -1; at = spec.indexOf('--', at + 1)) {
    const a = spec.slice(0, at);
    const b = spec.slice(at + 2);
    if (model.switches.has(a) && model.switches.has(b)) return [a, b];
  }
  return undefined;
}

function unknownName(model: FabricModel, name: string): string {
  const guess = closestName(name, model.switches.keys());
  return `no switch is named "${oneLine(name)}"${guess === undefined ? '' : `; did you mean "${oneLine(guess)}"?`}`;
}

/** The --fail values as switches and links; a value that is a whole name or link is not split at its commas. */
function nameFailures(model: FabricModel, values: readonly string[]): Named {
  const named: Named = { switches: [], links: [], labels: [], errors: [] };
  for (const value of values) {
    const whole = model.switches.has(value) || asLink(model, value) !== undefined;
    for (const raw of whole ? [value] : value.split(',')) {
      const spec = whole ? raw : raw.trim();
      if (spec === '') continue;
      if (model.switches.has(spec)) {
        named.switches.push(spec);
        named.labels.push(spec);
        continue;
      }
      const link = asLink(model, spec);
      if (link !== undefined) {
        named.links.push(link);
        named.labels.push(spec);
        continue;
      }
      const dash = spec.indexOf('--');
      named.errors.push(dash === -1 ? unknownName(model, spec) : `"${oneLine(spec)}" names no link: write a link as A--B with two switch names (${unknownName(model, model.switches.has(spec.slice(0, dash)) ? spec.slice(dash + 2) : spec.slice(0, dash))})`);
    }
  }
  return named;
}

const show = (name: string): string => oneLine(name);

/** The human report of one scenario. */
function describe(result: WhatIfResult, failed: readonly string[], file: string): string[] {
  const lines = [`what-if ${displayName(file)}: ${failed.map(show).join(', ')} failed`];
  const changes = worstFirst([...result.leaves, ...result.spines]);
  const MAX = 50;
  const rows = changes.slice(0, MAX).map((c) => {
    const cells = changeCells(c);
    const status = c.disconnected ? `  disconnected (no ${c.switch.role === 'leaf' ? 'spine' : 'super-spine'} left)` : c.pushedOver ? `  over the design's ${c.limit}:1` : c.after.overLimit ? `  still over the design's ${c.limit}:1` : '';
    return { name: `${c.switch.role === 'spine' ? 'spine ' : ''}${show(c.switch.name)}`, text: `uplink ${cells.uplink}  ratio ${cells.ratio}  paths ${cells.paths}${status}` };
  });
  const width = Math.min(40, Math.max(0, ...rows.map((r) => r.name.length)));
  for (const row of rows) lines.push(`  ${row.name.padEnd(width)}  ${row.text}`);
  if (changes.length > MAX) lines.push(`  … and ${changes.length - MAX} more (--format json lists every leaf)`);
  lines.push(...whatIfSentences(result, (n) => `\`${show(n)}\``));
  return lines;
}

async function readInput(file: string, readStdin: ((maxBytes: number) => Promise<string>) | undefined, cwd: string): Promise<string> {
  const limit = 64 * 1024 * 1024;
  if (file === '-') {
    if (readStdin === undefined) throw new FileReadError('stdin is not available', 'other');
    return readStdin(limit);
  }
  return readRegularFile(path.resolve(cwd, file), limit);
}

/** Runs `what-if`; returns the exit code. */
export async function whatIfMain(
  args: readonly string[],
  write: (text: string) => void,
  writeError: (text: string) => void,
  env: { cwd?: string; readStdin?: (maxBytes: number) => Promise<string> } = {},
): Promise<number> {
  let options: WhatIfOptions;
  try {
    const parsed = parseWhatIfArgs(args);
    if (parsed === 'help') {
      write(WHAT_IF_USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`topology-tutor: ${error.message}\n\n${WHAT_IF_USAGE}`);
    return 2;
  }
  const fail = (message: string): number => {
    writeError(`topology-tutor: ${message}\n`);
    return 2;
  };
  const cwd = path.resolve(env.cwd ?? process.cwd());
  let text: string;
  try {
    text = await readInput(options.file, env.readStdin, cwd);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return fail(`cannot read ${displayName(options.file)}: ${error.message}`);
  }
  // Any size the CLI reads is analysed: what-if is asked for on purpose. A containerlab topology
  // (*.clab.yml) goes through the lab linter, which builds the same fabric model.
  const result = lintDocument(options.file === '-' ? 'stdin.topology.yaml' : options.file, text, normalizeSettings({ maxFileSizeMB: Number.MAX_SAFE_INTEGER }));
  const model = result.analysis?.model;
  if (model === undefined || model.switches.size === 0) {
    const why = result.findings.find((f) => f.rule === 'yaml-syntax' || f.rule === 'analysis-skipped');
    return fail(`cannot analyse ${displayName(options.file)}: ${why === undefined ? 'it defines no switches' : oneLine(why.message)}`);
  }
  const named = nameFailures(model, options.fail);
  if (named.errors.length > 0) return fail(named.errors.join('\n'));
  const resolved = resolveFailures(model, named);
  if (resolved.unknownLinks.length > 0) {
    return fail(resolved.unknownLinks.map(([a, b]) => `no link joins "${oneLine(a)}" and "${oneLine(b)}"`).join('\n'));
  }

  let scenario: WhatIfResult;
  let labels = named.labels;
  const notes: string[] = [];
  if (options.failEach === 'spine') {
    const { tried, worst } = failEachSpine(model, resolved.failures);
    if (worst === undefined) return fail(`${displayName(options.file)} has no spine to fail${named.labels.length > 0 ? ' besides those in --fail' : ''}`);
    scenario = worst.result;
    labels = [...named.labels, worst.spine.name];
    const bad = tried.filter((t) => !t.result.survives).length;
    notes.push(`Tried ${tried.length} single-spine failure${tried.length === 1 ? '' : 's'}${named.labels.length > 0 ? ` on top of ${named.labels.map(show).join(', ')}` : ''}: ${bad === 0 ? 'the fabric survives each' : bad === 1 ? '1 disconnects a leaf or pushes one over its limit' : `${bad} disconnect a leaf or push one over its limit`}. The worst: ${show(worst.spine.name)}.`);
  } else {
    scenario = whatIf(model, resolved.failures);
  }

  if (options.format === 'json') write(`${JSON.stringify(whatIfReport(scenario, labels), null, 2)}\n`);
  else write(`${[...notes, ...describe(scenario, labels, options.file)].join('\n')}\n`);
  return scenario.survives ? 0 : 1;
}
