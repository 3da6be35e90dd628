/**
 * Finds and loads the project config file that applies to a topology file: the nearest
 * `.topology-tutor.yaml` (then `.yml`) in the file's folder or a parent folder, up to a stop folder
 * (the workspace folder in the editor; the filesystem root in the CLI). Only the nearest one applies
 * (no cascading). Lookups and loads are cached until clear().
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES, CONFIG_RULE, EMPTY_CONFIG, MAX_CONFIG_BYTES, parseProjectConfig } from '../core/config/projectConfig';
import type { ParsedConfig } from '../core/config/projectConfig';
import { FileReadError, readRegularFile } from './readRegularFile';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its folder: ignore globs are relative to it. */
  dir: string;
  parsed: ParsedConfig;
}

export type ReadText = (file: string) => string;

const defaultRead: ReadText = (file) => readRegularFile(file, MAX_CONFIG_BYTES);

/** A config that could not be read: one finding says why, and nothing of it applies. */
function unreadable(reason: string): ParsedConfig {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { config: EMPTY_CONFIG, findings: [{ rule: CONFIG_RULE, severity: 'error', message: `The config file cannot be read: ${reason}.`, range }] };
}

export function loadConfigFile(file: string, read: ReadText = defaultRead): LoadedConfig {
  const absolute = path.resolve(file);
  let parsed: ParsedConfig;
  try {
    parsed = parseProjectConfig(read(absolute));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    parsed = unreadable(error.message);
  }
  return { path: absolute, dir: path.dirname(absolute), parsed };
}

/** Whether the config ignores `file` (a file outside the config's folder never is). */
export function isIgnoredBy(config: LoadedConfig, file: string): boolean {
  const relative = path.relative(config.dir, path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return config.parsed.config.isIgnored(relative.split(path.sep).join('/'));
}

export class ConfigLocator {
  /** Folder → the config file directly in it (null: none). */
  private readonly inFolder = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly read: ReadText = defaultRead) {}

  /** The config file directly in `dir`, if any (`.yaml` before `.yml`). */
  private configIn(dir: string): string | null {
    let found = this.inFolder.get(dir);
    if (found === undefined) {
      found = null;
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        let exists = false;
        try {
          exists = fs.lstatSync(candidate, { throwIfNoEntry: false }) !== undefined;
        } catch {
          exists = true; // there, but not even stat-able: load() reports why
        }
        if (exists) {
          found = candidate;
          break;
        }
      }
      this.inFolder.set(dir, found);
    }
    return found;
  }

  /** The nearest config for `file`, looking up to and including `stopDir` (default: the root). */
  nearest(file: string, stopDir?: string): LoadedConfig | undefined {
    const stop = stopDir === undefined ? undefined : path.resolve(stopDir);
    let dir = path.dirname(path.resolve(file));
    for (;;) {
      const found = this.configIn(dir);
      if (found !== null) return this.load(found);
      const parent = path.dirname(dir);
      if (dir === stop || parent === dir) return undefined;
      dir = parent;
    }
  }

  load(file: string): LoadedConfig {
    const absolute = path.resolve(file);
    let config = this.loaded.get(absolute);
    if (config === undefined) {
      config = loadConfigFile(absolute, this.read);
      this.loaded.set(absolute, config);
    }
    return config;
  }

  /** Every config file loaded so far. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
  }

  clear(): void {
    this.inFolder.clear();
    this.loaded.clear();
  }
}
