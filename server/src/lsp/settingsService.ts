/**
 * Reads the `topology` settings section per document. Works with clients that support
 * `workspace/configuration`, with clients that push settings, and with clients that send
 * nothing at all (defaults).
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings } from '../core/settings';
import type { LintSettings } from '../core/settings';

/** Puts the project config file (.topology-tutor.yaml) on top of a document's settings. */
export interface ProjectConfigLayer {
  apply(uri: string, settings: LintSettings): LintSettings;
}

export class SettingsService {
  private pulled = new Map<string, Promise<LintSettings>>();
  private pushed: LintSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly projectConfig?: ProjectConfigLayer,
  ) {}

  /** Settings sent with workspace/didChangeConfiguration (clients without pull support). */
  setPushed(raw: unknown): void {
    const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).topology : undefined;
    this.pushed = normalizeSettings(section);
    this.pulled.clear();
  }

  /** The document's settings: client settings, then its project config file on top. */
  forDocument(uri: string): Promise<LintSettings> {
    const layer = this.projectConfig;
    const client = this.clientSettings(uri);
    return layer === undefined ? client : client.then((s) => layer.apply(uri, s));
  }

  private clientSettings(uri: string): Promise<LintSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (settings === undefined) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'topology' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }
}
