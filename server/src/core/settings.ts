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
  /** The fabric analysis of one document may run this long; past it, syntax and schema results only. */
  maxAnalysisSeconds: number;
  /** Lint containerlab topologies (`*.clab.yml`): `topology.containerlab.enabled`. */
  containerlab: boolean;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 20;
export const DEFAULT_MAX_ANALYSIS_SECONDS = 10;

export const DEFAULT_SETTINGS: LintSettings = {
  rules: new Map(),
  maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
  inlayHints: true,
  maxAnalysisSeconds: DEFAULT_MAX_ANALYSIS_SECONDS,
  containerlab: true,
};

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

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
  const maxFileSizeMB = positiveNumber(section.maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB);
  const maxAnalysisSeconds = positiveNumber(section.maxAnalysisSeconds, DEFAULT_MAX_ANALYSIS_SECONDS);
  const hints = section.inlayHints;
  const inlayHints = hints !== null && typeof hints === 'object' && (hints as Record<string, unknown>).enabled === false ? false : true;
  const lab = section.containerlab;
  const containerlab = lab !== null && typeof lab === 'object' && (lab as Record<string, unknown>).enabled === false ? false : true;
  return { rules, maxFileSizeMB, inlayHints, maxAnalysisSeconds, containerlab };
}
