/**
 * Severity precedence, low to high: the rule's default, the `topology.rules` setting (or the CLI's
 * `--rule` flags: see cli.ts), the project config file, then suppression comments in the file
 * (applied by lintText, after severities). The merged settings are memoized per (settings, config)
 * pair, so callers that compare settings by identity (the server's result cache) keep working.
 */
import type { SeveritySetting } from '../findings';
import type { LintSettings } from '../settings';
import type { ProjectConfig } from './projectConfig';

const merged = new WeakMap<LintSettings, WeakMap<ProjectConfig, LintSettings>>();

/** `settings` with the config file's rule severities on top. */
export function applyProjectConfig(settings: LintSettings, config: ProjectConfig | undefined): LintSettings {
  if (config === undefined || config.rules.size === 0) return settings;
  let byConfig = merged.get(settings);
  if (byConfig === undefined) {
    byConfig = new WeakMap();
    merged.set(settings, byConfig);
  }
  let result = byConfig.get(config);
  if (result === undefined) {
    const rules = new Map<string, SeveritySetting>(settings.rules);
    for (const [id, severity] of config.rules) rules.set(id, severity);
    result = { ...settings, rules };
    byConfig.set(config, result);
  }
  return result;
}

/** `settings` with `overrides` on top (the CLI's `--rule` flags over the config file). */
export function withRuleOverrides(settings: LintSettings, overrides: ReadonlyMap<string, SeveritySetting>): LintSettings {
  if (overrides.size === 0) return settings;
  const rules = new Map<string, SeveritySetting>(settings.rules);
  for (const [id, severity] of overrides) rules.set(id, severity);
  return { ...settings, rules };
}
