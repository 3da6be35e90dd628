/** Linter settings, read leniently: anything missing, null or malformed means the default. */
import type { SeveritySetting } from './findings';
import { RULES } from './rules/catalog';

export interface LintSettings {
  /** Severity overrides by rule id. */
  rules: ReadonlyMap<string, SeveritySetting>;
  /** Files larger than this are parsed and schema-checked, but not analysed. */
  maxFileSizeMB: number;
  /** Show the inline figures after each leaf and spine. */
  inlayHints: boolean;
  /** Lint containerlab topologies (`*.clab.yml`): `topology.containerlab.enabled`. */
  containerlab: boolean;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 20;

export const DEFAULT_SETTINGS: LintSettings = { rules: new Map(), maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB, inlayHints: true, containerlab: true };

const SEVERITIES = new Set<string>(['off', 'info', 'warning', 'error']);

/** Turns the `topology` settings section (any shape, from any client) into LintSettings. */
export function normalizeSettings(raw: unknown): LintSettings {
  if (raw === null || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const section = raw as Record<string, unknown>;
  const rules = new Map<string, SeveritySetting>();
  const rawRules = section.rules;
  if (rawRules !== null && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
      if (RULES.has(id) && typeof value === 'string' && SEVERITIES.has(value)) rules.set(id, value as SeveritySetting);
    }
  }
  const size = section.maxFileSizeMB;
  const maxFileSizeMB = typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_FILE_SIZE_MB;
  const hints = section.inlayHints;
  const inlayHints = hints !== null && typeof hints === 'object' && (hints as Record<string, unknown>).enabled === false ? false : true;
  const lab = section.containerlab;
  const containerlab = lab !== null && typeof lab === 'object' && (lab as Record<string, unknown>).enabled === false ? false : true;
  return { rules, maxFileSizeMB, inlayHints, containerlab };
}
