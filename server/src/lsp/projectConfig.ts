/**
 * The project config file (`.topology-tutor.yaml` / `.yml`) in the language server. Narrow on
 * purpose, so the server's glue calls it in a few places:
 *   - initialize(params) / register(connection): workspace folders (and their changes,
 *     `workspace/didChangeWorkspaceFolders`, which decide where a lookup stops); a dynamic
 *     `workspace/didChangeWatchedFiles` registration for `**∕.topology-tutor.{yaml,yml}` when the client
 *     supports it and does not say it watches them itself (initializationOptions.watchesConfigFiles,
 *     as the VS Code client does through its `synchronize.fileEvents` watcher);
 *   - apply(uri, settings): the document's LintSettings with its nearest config file on top (looked up
 *     from the document's folder up to its workspace folder; up to the root for files outside every
 *     folder); memoized, so an unchanged config keeps the same settings object;
 *   - isIgnored(uri): the config's `ignore:` globs match the document (publish nothing for it);
 *   - isConfigDocument(uri) / diagnosticsFor(text): an open config file is linted as a config file;
 *   - filesChanged(uris): a config was created, changed or deleted (watched files, or a save): drop
 *     the cache, re-publish config diagnostics, and ask the host to re-lint every open document.
 * The config on disk is what applies; an open config document's unsaved text only gets diagnostics.
 * A config in use that has problems gets its diagnostics published even when it is not open. Reading
 * is data only (regular files, 1 MB cap), so it is honoured in untrusted workspaces.
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { Connection, Diagnostic, InitializeParams, WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { applyProjectConfig } from '../core/config/applyConfig';
import { isConfigFileName, parseProjectConfig } from '../core/config/projectConfig';
import type { LintSettings } from '../core/settings';
import { ConfigLocator, isIgnoredBy } from '../io/configLocator';
import type { LoadedConfig } from '../io/configLocator';
import { toDiagnostic } from './diagnostics';
import type { TopologyInitializationOptions } from '../../../shared/protocol';

export const CONFIG_GLOB = '**/.topology-tutor.{yaml,yml}';

export { WORKSPACE_FOLDERS_CAPABILITY } from './workspaceFolders';

export interface ProjectConfigHost {
  /** Publish diagnostics for a config file's URI. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Re-lint every open topology document (the config that applies to them may have changed). */
  relintAll(): void;
  /** Whether a document with this URI is open in the client. */
  isOpen(uri: string): boolean;
  logError(context: string, error: unknown): void;
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ProjectConfigService {
  /** Workspace folder URIs, as the client sent them. */
  private folderUris: string[] = [];
  /** Their paths, longest first (the innermost folder holding a file wins). */
  private folders: string[] = [];
  private canWatch = false;
  private hasFolderEvents = false;
  /** Config files whose on-disk problems we published (they are not open). */
  private readonly published = new Set<string>();

  constructor(
    private readonly host: ProjectConfigHost,
    private readonly lessonsBase: string,
    private readonly locator = new ConfigLocator(),
  ) {}

  initialize(params: InitializeParams): void {
    const options = params.initializationOptions as TopologyInitializationOptions | null | undefined;
    const clientWatches = options !== null && typeof options === 'object' && options.watchesConfigFiles === true;
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && !clientWatches;
    this.hasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const folders: (WorkspaceFolder | string)[] = params.workspaceFolders ?? (params.rootUri ? [params.rootUri] : []);
    this.setFolders(folders.map((f) => (typeof f === 'string' ? f : f.uri)));
  }

  setFolders(uris: readonly string[]): void {
    this.folderUris = [...new Set(uris)];
    this.folders = this.folderUris.map(filePathOf).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.locator.clear();
  }

  /**
   * Workspace folders were added or removed: the folder a lookup stops at may have changed, so the
   * configs that apply may too. Drops the cache and what was published from disk, and re-lints.
   */
  foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((f) => f.uri));
    this.setFolders([...this.folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)]);
    this.forgetPublished();
    this.host.relintAll();
  }

  /** After `initialized`: watch config files through the client when it can, and follow workspace folder changes. */
  register(connection: Connection): void {
    if (this.hasFolderEvents) connection.workspace.onDidChangeWorkspaceFolders((event) => this.foldersChanged(event));
    if (!this.canWatch) return;
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] }).catch((error: unknown) => {
      this.host.logError('Registering the config file watcher failed', error);
    });
  }

  isConfigDocument(uri: string): boolean {
    const file = filePathOf(uri);
    return file !== undefined && isConfigFileName(path.basename(file));
  }

  /** The innermost workspace folder holding `file` (undefined: look up to the root). */
  private stopFolder(file: string): string | undefined {
    return this.folders.find((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  }

  private configFor(uri: string): LoadedConfig | undefined {
    const file = filePathOf(uri);
    if (file === undefined) return undefined;
    let config: LoadedConfig | undefined;
    try {
      config = this.locator.nearest(file, this.stopFolder(file));
    } catch (error) {
      this.host.logError(`Looking up the config file for ${uri} failed`, error);
      return undefined;
    }
    if (config !== undefined) this.publishFromDisk(config);
    return config;
  }

  /** A config in use with problems shows them, also when it is not open. */
  private publishFromDisk(config: LoadedConfig): void {
    const uri = pathToFileURL(config.path).toString();
    if (this.host.isOpen(uri) || this.published.has(uri) || config.parsed.findings.length === 0) return;
    this.published.add(uri);
    this.host.publish(uri, config.parsed.findings.map((f) => toDiagnostic(f, uri, this.lessonsBase)));
  }

  apply(uri: string, settings: LintSettings): LintSettings {
    return applyProjectConfig(settings, this.configFor(uri)?.parsed.config);
  }

  isIgnored(uri: string): boolean {
    const file = filePathOf(uri);
    const config = this.configFor(uri);
    return file !== undefined && config !== undefined && isIgnoredBy(config, file);
  }

  /** Diagnostics for the text of an open config document. */
  diagnosticsFor(uri: string, text: string): Diagnostic[] {
    this.published.delete(uri);
    return parseProjectConfig(text).findings.map((f) => toDiagnostic(f, uri, this.lessonsBase));
  }

  /** An open config document was closed (the host cleared its diagnostics): its on-disk problems show again if it is in use. */
  closed(uri: string): void {
    const file = filePathOf(uri);
    const loaded = this.locator.all().find((c) => c.path === file);
    if (loaded !== undefined) this.publishFromDisk(loaded);
  }

  /** Files changed on disk (watched-file events or saves): returns true when a config file was among them. */
  filesChanged(uris: readonly string[]): boolean {
    if (!uris.some((uri) => this.isConfigDocument(uri))) return false;
    this.locator.clear();
    this.forgetPublished();
    this.host.relintAll();
    return true;
  }

  /** Clears the diagnostics published for config files that are not open (the next lookups publish them again). */
  private forgetPublished(): void {
    for (const uri of this.published) if (!this.host.isOpen(uri)) this.host.publish(uri, []);
    this.published.clear();
  }
}
