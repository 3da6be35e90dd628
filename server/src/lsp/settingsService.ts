/**
 * Reads the `topology` settings section per document. Works with clients that support
 * `workspace/configuration`, with clients that push settings, and with clients that send
 * nothing at all (defaults). A configuration request the client does not answer within
 * `timeoutMs` means the defaults for now; if the answer comes later, `onLateAnswer` re-lints.
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings } from '../core/settings';
import type { LintSettings } from '../core/settings';

/** Puts the project config file (.topology-tutor.yaml) on top of a document's settings. */
export interface ProjectConfigLayer {
  apply(uri: string, settings: LintSettings): LintSettings;
  /** Settles once the config files are known (the browser server's come from the client); settings wait for it. */
  ready?(): Promise<void>;
}

export interface SettingsServiceOptions {
  timeoutMs: number;
  /** The client answered after the timeout (the defaults were used meanwhile): lint again. */
  onLateAnswer(uri: string): void;
  log(message: string): void;
}

export class SettingsService {
  private pulled = new Map<string, Promise<LintSettings>>();
  private pushed: LintSettings = DEFAULT_SETTINGS;
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly options: SettingsServiceOptions,
    private readonly projectConfig?: ProjectConfigLayer,
  ) {}

  /** Settings sent with workspace/didChangeConfiguration (clients without pull support). */
  setPushed(raw: unknown): void {
    const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).topology : undefined;
    this.pushed = normalizeSettings(section);
    this.pulled.clear();
    this.generation++;
  }

  /** The document's settings: client settings, then its project config file on top. */
  forDocument(uri: string): Promise<LintSettings> {
    const layer = this.projectConfig;
    const client = this.clientSettings(uri);
    if (layer === undefined) return client;
    const ready = layer.ready?.();
    return ready === undefined ? client.then((s) => layer.apply(uri, s)) : Promise.all([client, ready]).then(([s]) => layer.apply(uri, s));
  }

  private clientSettings(uri: string): Promise<LintSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (settings === undefined) {
      settings = this.pull(uri);
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }

  private pull(uri: string): Promise<LintSettings> {
    const generation = this.generation;
    return new Promise<LintSettings>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.options.log(`workspace/configuration for ${uri} got no answer within ${this.options.timeoutMs} ms; using the default settings`);
        resolve(DEFAULT_SETTINGS);
      }, this.options.timeoutMs);
      this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'topology' }).then(
        (raw: unknown) => {
          clearTimeout(timer);
          const settings = normalizeSettings(raw);
          if (!timedOut) {
            resolve(settings);
            return;
          }
          // Late: keep it, unless the settings changed meanwhile or the document was closed.
          if (generation !== this.generation || !this.pulled.has(uri)) return;
          this.pulled.set(uri, Promise.resolve(settings));
          this.options.onLateAnswer(uri);
        },
        () => {
          clearTimeout(timer);
          resolve(DEFAULT_SETTINGS);
        },
      );
    });
  }
}
