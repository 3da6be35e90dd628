/**
 * The project config file, `.topology-tutor.yaml` (or `.yml`): rule severities and ignored files
 * that the editor and the CLI share.
 *
 *   rules:  { <rule-id>: off | info | warning | error }
 *   ignore: [ <glob>, … ]          # relative to the folder of the config file
 *
 * Parsed with the positioned YAML tree, validated against schemas/topology-tutor-config.schema.json,
 * every problem a finding at the exact key or value (an unknown rule id is an error with "did you
 * mean"). Pure: the caller reads the file and decides where it applies.
 */
import type { ErrorObject } from 'ajv';
import { configValidators } from '../generated/configSchemaValidator';
import type { Finding, SeveritySetting } from '../findings';
import { RULE_IDS, RULES } from '../rules/catalog';
import { closestName } from '../text/closestName';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../text/lineIndex';
import { quote } from '../text/quote';
import { describeNode, pointerSegments } from '../schema/schemaValidation';
import { ExpansionLimitError, asMap, asSeqItems, getPair, keyName, nodeAtPath, resolveAlias, toPlainValue } from '../yaml/treeQueries';
import type { YamlNode } from '../yaml/yamlTree';
import { parseYaml } from '../yaml/yamlTree';
import { compileIgnore, invalidPatternReason } from './ignore';
import type { IgnoreMatcher } from './ignore';

/** The names a config file may have, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.topology-tutor.yaml', '.topology-tutor.yml'];

/** Rule id of the findings about a config file itself (they cannot be turned off). */
export const CONFIG_RULE = 'config';

/** The largest config file read (anything bigger is refused with one finding). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ProjectConfig {
  /** Severity per known rule id (unknown ids are reported, not kept). */
  rules: ReadonlyMap<string, SeveritySetting>;
  /** The valid ignore patterns, as written. */
  ignore: readonly string[];
  /** Whether a path relative to the config file's folder (`/`-separated) is ignored. */
  isIgnored: IgnoreMatcher;
}

export interface ParsedConfig {
  config: ProjectConfig;
  /** Problems in the file, sorted by position; errors make the CLI exit 2. */
  findings: Finding[];
}

export const EMPTY_CONFIG: ProjectConfig = { rules: new Map(), ignore: [], isIgnored: () => false };

export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name);
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];
/** Aliases in a config file may expand to at most this many nodes. */
const EXPANSION_LIMIT = 100_000;

/**
 * The schema file lists every rule id (for editors); its validator, precompiled at build time
 * (scripts/schemas/generate-validators.mjs, configSchemaForValidation), takes `rules` as a map of any
 * id to a severity, and the check here takes the ids from the catalogue instead, so a rule added to
 * the catalogue is accepted even before the schema's list is regenerated, and unknown ids get a
 * "did you mean" sentence rather than ajv's.
 */
const validateConfig = configValidators.config;

function subject(segments: readonly string[]): string {
  if (segments.length === 0) return 'The config file';
  const [top, second] = segments;
  if (top === 'ignore' && second !== undefined) return `Item ${Number(second) + 1} of \`ignore\``;
  if (top === 'rules' && second !== undefined) return `Rule ${quote(second)}`;
  return quote(top);
}

function explain(error: ErrorObject, root: YamlNode | undefined, text: string, lines: LineIndex): { range: Range; message: string } | undefined {
  const segments = pointerSegments(error.instancePath);
  const target = nodeAtPath(root, segments);
  const start = lines.range(0, Math.min(1, text.length));
  const valueRange = target === undefined ? start : lines.range(target.node.start, target.node.end);
  const got = describeNode(target?.node, text);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const map = asMap(target?.node);
      const pair = map === undefined ? undefined : getPair(map, name);
      const suggestion = closestName(name, ['rules', 'ignore']);
      const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
      return {
        range: pair === undefined ? valueRange : lines.range(pair.key.start, pair.key.end),
        message: `Unknown key ${quote(name)} in the config file.${hint} Allowed keys: rules, ignore.`,
      };
    }
    case 'type': {
      if (segments.length === 0) return { range: valueRange, message: `The config file must be a map with \`rules:\` and/or \`ignore:\`; got ${got}.` };
      if (segments.length === 1 && segments[0] === 'rules') return { range: valueRange, message: `\`rules\` must be a map of rule id to off, info, warning or error; got ${got}.` };
      if (segments.length === 1 && segments[0] === 'ignore') return { range: valueRange, message: `\`ignore\` must be a list of glob patterns; got ${got}.` };
      if (segments[0] === 'ignore') return { range: valueRange, message: `${subject(segments)} must be a glob pattern (a string); got ${got}.` };
      return { range: valueRange, message: `${subject(segments)} must be off, info, warning or error; got ${got}.` };
    }
    case 'enum': {
      const value = resolveAlias(target?.node);
      const suggestion = value?.kind === 'scalar' ? closestName(value.text, SEVERITIES) : undefined;
      const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
      return { range: valueRange, message: `${subject(segments)} must be off, info, warning or error; got ${got}.${hint}` };
    }
    case 'minLength':
      return { range: valueRange, message: `${subject(segments)} must not be empty.` };
    case 'pattern':
      return { range: valueRange, message: `${subject(segments)}: negated patterns (\`!…\`) are not supported; list only what to ignore.` };
    default:
      return { range: valueRange, message: `${subject(segments)} is not valid here (${error.keyword}).` };
  }
}

function topLevel(root: YamlNode | undefined, name: string): YamlNode | undefined {
  const map = asMap(root);
  return map === undefined ? undefined : getPair(map, name)?.value;
}

function finding(message: string, range: Range, rule = CONFIG_RULE): Finding {
  return { rule, severity: 'error', message, range };
}

/** Parses and validates a config file's text. Never throws on any input. */
export function parseProjectConfig(text: string): ParsedConfig {
  const lines = new LineIndex(text);
  const start = lines.range(0, Math.min(1, text.length));
  if (text.length > MAX_CONFIG_BYTES) {
    return { config: EMPTY_CONFIG, findings: [finding(`The config file is larger than ${MAX_CONFIG_BYTES / 1024} KB; it was not read.`, start)] };
  }
  const parsed = parseYaml(text);
  if (parsed.errors.length > 0) {
    const findings = parsed.errors.map((e) => finding(`YAML: ${e.message}.`, lines.range(e.start, e.end), 'yaml-syntax'));
    return { config: EMPTY_CONFIG, findings };
  }
  const root = parsed.root;
  const findings: Finding[] = [];
  let plain: unknown;
  try {
    plain = toPlainValue(root, EXPANSION_LIMIT);
  } catch (error) {
    if (!(error instanceof ExpansionLimitError)) throw error;
    return { config: EMPTY_CONFIG, findings: [finding(`The config file's aliases expand to more than ${EXPANSION_LIMIT} nodes; it was not read.`, start)] };
  }
  const validate = validateConfig;
  const schemaErrorPaths = new Set<string>();
  if (!validate(plain)) {
    for (const error of validate.errors ?? []) {
      const located = explain(error, root, text, lines);
      if (located !== undefined) findings.push(finding(located.message, located.range));
      schemaErrorPaths.add(error.instancePath);
    }
  }

  const rules = new Map<string, SeveritySetting>();
  const rulesMap = asMap(topLevel(root, 'rules'));
  for (const pair of rulesMap?.pairs ?? []) {
    const id = keyName(pair.key);
    if (!RULES.has(id)) {
      const suggestion = closestName(id, RULE_IDS);
      const hint = suggestion === undefined ? ` Known rule ids: ${RULE_IDS.join(', ')}.` : ` Did you mean ${quote(suggestion)}?`;
      findings.push(finding(`Unknown rule id ${quote(id)} in \`rules\`.${hint}`, lines.range(pair.key.start, pair.key.end)));
      continue;
    }
    const value = resolveAlias(pair.value);
    if (value?.kind === 'scalar' && typeof value.value === 'string' && SEVERITIES.includes(value.value)) rules.set(id, value.value as SeveritySetting);
  }

  const ignore: string[] = [];
  const ignoreItems = asSeqItems(topLevel(root, 'ignore')) ?? [];
  ignoreItems.forEach((item, index) => {
    const node = resolveAlias(item);
    if (node?.kind !== 'scalar' || typeof node.value !== 'string' || schemaErrorPaths.has(`/ignore/${index}`)) return;
    const reason = invalidPatternReason(node.value);
    if (reason !== undefined) {
      findings.push(finding(`Item ${index + 1} of \`ignore\` is not a usable glob pattern: ${reason}.`, lines.range(node.start, node.end)));
      return;
    }
    ignore.push(node.value);
  });

  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { config: { rules, ignore, isIgnored: compileIgnore(ignore) }, findings };
}
