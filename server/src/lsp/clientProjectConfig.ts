/**
 * Project config files (`.topology-tutor.yaml` / `.yml`) for a server that cannot read files: the
 * browser build (vscode.dev, github.dev), whose documents live behind URIs only the editor can read
 * (`vscode-vfs://github/…`). The client sends every config file of the workspace with its text
 * (`topology/configFiles`, shared/protocol.ts): after `initialized`, and again when a watched
 * config file changes or an open one is saved. The rest is what lsp/projectConfig.ts does from
 * disk, on URIs instead of paths: the nearest config in the document's folder or a parent folder,
 * up to its workspace folder, applies (`.yaml` before `.yml`, no cascading); its problems show on it
 * also when it is not open; `ignore:` globs are relative to its folder.
 *
 * Settings wait for the first answer (ready()), so a document opened at start-up is not linted
 * without its config first; a client that does not answer (another editor) means no configs.
 */
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { Connection, Diagnostic, InitializeParams, WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILES_GLOB, ConfigFilesRequest } from '../../../shared/protocol';
import type { ConfigFileEntry, ConfigFilesResult, TopologyInitializationOptions } from '../../../shared/protocol';
import { applyProjectConfig } from '../core/config/applyConfig';
import { CONFIG_FILE_NAMES, CONFIG_RULE, EMPTY_CONFIG, MAX_CONFIG_BYTES, parseProjectConfig } from '../core/config/projectConfig';
import type { ParsedConfig } from '../core/config/projectConfig';
import type { LintSettings } from '../core/settings';
import { toDiagnostic } from './diagnostics';
// Types only: projectConfig.ts reads files with Node's fs, which the browser build has not.
import type { ProjectConfigHost } from './projectConfig';

/** Config files asked for at most. */
export const MAX_CONFIG_FILES = 1000;
/** How long the first answer may take before documents are linted without configs. */
export const FIRST_ANSWER_MS = 5000;

/** A URI split into what stays (`scheme://authority`) and its path segments (still encoded). */
interface SplitUri {
  prefix: string;
  segments: string[];
}

/** `scheme://authority/a/b/c` → prefix and segments; undefined for URIs without a hierarchical path (untitled:…). */
export function splitUri(uri: string): SplitUri | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?$/i.exec(uri);
  if (m === null) return undefined;
  const segments = (m[2] ?? '').split('/').filter((s) => s !== '');
  return { prefix: m[1], segments };
}

function joinUri(prefix: string, segments: readonly string[]): string {
  return `${prefix}/${segments.join('/')}`;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The file name a URI ends in (decoded). */
export function uriBaseName(uri: string): string | undefined {
  const split = splitUri(uri);
  const last = split?.segments[split.segments.length - 1];
  return last === undefined ? undefined : decode(last);
}

interface LoadedConfig {
  uri: string;
  /** Path segments of its folder. */
  dir: SplitUri;
  text: string | undefined;
  parsed: ParsedConfig;
}

/** A config that could not be read: one finding says why, and nothing of it applies. */
function unreadable(reason: string): ParsedConfig {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { config: EMPTY_CONFIG, findings: [{ rule: CONFIG_RULE, severity: 'error', message: `The config file cannot be read: ${reason}.`, range }] };
}

/** The client's answer, checked (any client may answer anything): the entries that make sense. */
export function checkedEntries(value: unknown): ConfigFileEntry[] {
  const files = value !== null && typeof value === 'object' ? (value as Partial<ConfigFilesResult>).files : undefined;
  if (!Array.isArray(files)) return [];
  const entries: ConfigFileEntry[] = [];
  for (const raw of files.slice(0, MAX_CONFIG_FILES) as unknown[]) {
    if (raw === null || typeof raw !== 'object') continue;
    const { uri, text, error } = raw as Record<string, unknown>;
    if (typeof uri !== 'string' || splitUri(uri) === undefined) continue;
    if (!CONFIG_FILE_NAMES.includes(uriBaseName(uri) ?? '')) continue;
    if (typeof text === 'string') entries.push({ uri, text });
    else if (typeof error === 'string') entries.push({ uri, error: error.slice(0, 200) });
  }
  return entries;
}

export class ClientProjectConfigService {
  /** Workspace folder URIs, as the client sent them. */
  private folderUris: string[] = [];
  /** The same, split, longest first: the innermost one holding a file wins. */
  private folders: SplitUri[] = [];
  private canWatch = false;
  private hasFolderEvents = false;
  private connection: Connection | undefined;
  /** Config files by URI, as last sent by the client. */
  private files = new Map<string, LoadedConfig>();
  /** Config files whose problems were published (they are not open). */
  private readonly published = new Set<string>();
  /** Config files a lookup found since the last list (they apply to some document). */
  private readonly used = new Set<string>();
  private readonly first: Promise<void>;
  private settleFirst: () => void = () => undefined;
  /** A request for the files is under way; `again`: ask once more when it ends. */
  private asking = false;
  private again = false;

  constructor(
    private readonly host: ProjectConfigHost,
    private readonly lessonsBase: () => string,
    private readonly firstAnswerMs = FIRST_ANSWER_MS,
  ) {
    this.first = new Promise<void>((resolve) => {
      this.settleFirst = resolve;
    });
  }

  initialize(params: InitializeParams): void {
    // The Topology Tutor client watches the config files itself (initializationOptions.watchesConfigFiles).
    const options = params.initializationOptions as TopologyInitializationOptions | null | undefined;
    const clientWatches = options !== null && typeof options === 'object' && options.watchesConfigFiles === true;
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && !clientWatches;
    this.hasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const folders: (WorkspaceFolder | string)[] = params.workspaceFolders ?? (params.rootUri ? [params.rootUri] : []);
    this.setFolders(folders.map((f) => (typeof f === 'string' ? f : f.uri)));
  }

  private setFolders(uris: readonly string[]): void {
    this.folderUris = [...new Set(uris)];
    this.folders = this.folderUris
      .map(splitUri)
      .filter((f): f is SplitUri => f !== undefined)
      .sort((a, b) => b.segments.length - a.segments.length);
  }

  /** Workspace folders were added or removed: where lookups stop changed, and the added ones may hold config files. */
  foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((f) => f.uri));
    this.setFolders([...this.folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)]);
    this.ask();
  }

  /** After `initialized`: watch config files through the client, follow workspace folder changes, and ask the client for the files. */
  register(connection: Connection): void {
    this.connection = connection;
    if (this.hasFolderEvents) connection.workspace.onDidChangeWorkspaceFolders((event) => this.foldersChanged(event));
    if (this.canWatch) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILES_GLOB }] }).catch((error: unknown) => {
        this.host.logError('Registering the config file watcher failed', error);
      });
    }
    const timer = setTimeout(() => {
      this.host.logError('Project config files', new Error(`the client sent none within ${this.firstAnswerMs} ms; linting without them until it does`));
      this.settleFirst();
    }, this.firstAnswerMs);
    this.ask(() => clearTimeout(timer));
  }

  /** Settles once the client first answered (or did not in time, or cannot). */
  ready(): Promise<void> {
    return this.first;
  }

  private ask(answered?: () => void): void {
    const connection = this.connection;
    if (connection === undefined) return;
    if (this.asking) {
      this.again = true;
      return;
    }
    this.asking = true;
    connection
      .sendRequest(ConfigFilesRequest.type, { maxFiles: MAX_CONFIG_FILES, maxBytes: MAX_CONFIG_BYTES })
      .then(
        (result) => this.received(checkedEntries(result)),
        (error: unknown) => this.host.logError('Asking the client for the project config files failed (linting without them)', error),
      )
      .finally(() => {
        answered?.();
        this.settleFirst();
        this.asking = false;
        if (this.again) {
          this.again = false;
          this.ask();
        }
      })
      .catch((error: unknown) => this.host.logError('Project config files', error));
  }

  /** A new list of config files: parses what changed, clears what was published, re-lints. */
  private received(entries: readonly ConfigFileEntry[]): void {
    const next = new Map<string, LoadedConfig>();
    for (const entry of entries) {
      const split = splitUri(entry.uri)!;
      const text = 'text' in entry ? entry.text : undefined;
      const old = this.files.get(entry.uri);
      let parsed: ParsedConfig;
      if (old !== undefined && text !== undefined && old.text === text) parsed = old.parsed; // same object: settings stay the same
      else if (text === undefined) parsed = unreadable('error' in entry ? entry.error : 'unknown reason');
      else parsed = parseProjectConfig(text);
      next.set(entry.uri, { uri: entry.uri, dir: { prefix: split.prefix, segments: split.segments.slice(0, -1) }, text, parsed });
    }
    this.files = next;
    this.used.clear();
    for (const uri of this.published) if (!this.host.isOpen(uri)) this.host.publish(uri, []);
    this.published.clear();
    this.host.relintAll();
  }

  isConfigDocument(uri: string): boolean {
    return CONFIG_FILE_NAMES.includes(uriBaseName(uri) ?? '');
  }

  /** The innermost workspace folder holding `file`: a lookup stops there (undefined: at the root). */
  private stopFolder(file: SplitUri): SplitUri | undefined {
    return this.folders.find(
      (folder) => folder.prefix === file.prefix && folder.segments.length <= file.segments.length && folder.segments.every((s, i) => file.segments[i] === s),
    );
  }

  private configFor(uri: string): { config: LoadedConfig; file: SplitUri } | undefined {
    const file = splitUri(uri);
    if (file === undefined || file.segments.length === 0) return undefined;
    const stop = this.stopFolder(file)?.segments.length ?? 0;
    for (let depth = file.segments.length - 1; depth >= stop; depth--) {
      const dir = file.segments.slice(0, depth);
      for (const name of CONFIG_FILE_NAMES) {
        const config = this.files.get(joinUri(file.prefix, [...dir, name]));
        if (config !== undefined) {
          this.used.add(config.uri);
          this.publishUnopened(config);
          return { config, file };
        }
      }
    }
    return undefined;
  }

  /** A config in use with problems shows them, also when it is not open. */
  private publishUnopened(config: LoadedConfig): void {
    const { uri } = config;
    if (this.host.isOpen(uri) || this.published.has(uri) || config.parsed.findings.length === 0) return;
    this.published.add(uri);
    this.host.publish(uri, config.parsed.findings.map((f) => toDiagnostic(f, uri, this.lessonsBase())));
  }

  apply(uri: string, settings: LintSettings): LintSettings {
    return applyProjectConfig(settings, this.configFor(uri)?.config.parsed.config);
  }

  isIgnored(uri: string): boolean {
    const found = this.configFor(uri);
    if (found === undefined) return false;
    const relative = found.file.segments.slice(found.config.dir.segments.length).map(decode).join('/');
    return relative !== '' && found.config.parsed.config.isIgnored(relative);
  }

  /** Diagnostics for the text of an open config document. */
  diagnosticsFor(uri: string, text: string): Diagnostic[] {
    this.published.delete(uri);
    return parseProjectConfig(text).findings.map((f) => toDiagnostic(f, uri, this.lessonsBase()));
  }

  /** An open config document was closed (its diagnostics were cleared): its saved problems show again if it is in use. */
  closed(uri: string): void {
    const config = this.files.get(uri);
    if (config !== undefined && this.used.has(uri)) this.publishUnopened(config);
  }

  /** Files changed (watched-file events, saves): when a config file is among them, ask the client again. */
  filesChanged(uris: readonly string[]): boolean {
    if (!uris.some((uri) => this.isConfigDocument(uri))) return false;
    this.ask();
    return true;
  }
}
