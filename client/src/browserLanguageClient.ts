/**
 * The web extension's language client (vscode.dev, github.dev): the server
 * (server/out/browserServer.js) in a Web Worker, LSP over postMessage. Each start gets a new
 * worker and each stop ends it, so "Restart Language Server" starts a fresh server (the browser
 * LanguageClient would reuse one worker whose server has already shut down).
 *
 * The worker runs the script from a blob: URL of its text, read through `workspace.fs`: the
 * extension's files may be at an https: URL (vscode.dev) or behind a vscode-remote: URI (a web
 * extension host of a remote window, where VS Code refuses `new Worker` on such URIs), and
 * `workspace.fs` reads both.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { LanguageClientOptions, MessageTransports } from 'vscode-languageclient/browser';
import { BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageclient/browser';
import type { TopologyClient } from './languageClient';

/** What this file uses of a Web Worker, Blob and URL (the project's type check has no DOM library). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

class WorkerLanguageClient extends LanguageClient {
  private current: WebWorker | undefined;
  private scriptUrl: Promise<string> | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly script: vscode.Uri,
  ) {
    // The base class's worker is never used: createMessageTransports makes one per start.
    super('topology', 'Topology Tutor', options, undefined);
  }

  /** The script's text as a blob: URL, made once (restarts reuse it). */
  private workerUrl(): Promise<string> {
    this.scriptUrl ??= Promise.resolve(vscode.workspace.fs.readFile(this.script)).then((code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    return this.scriptUrl;
  }

  protected override async createMessageTransports(): Promise<MessageTransports> {
    this.current?.terminate();
    this.current = undefined;
    let url: string;
    try {
      url = await this.workerUrl();
    } catch (error) {
      this.scriptUrl = undefined;
      throw new Error(`cannot read the language server script ${this.script.toString(true)}: ${String(error)}`);
    }
    const worker = new Worker(url, { name: 'Topology Tutor language server' });
    this.current = worker;
    // The reader and writer take a DOM Worker (left out of the project's type check, hence `never`).
    const port = worker as never;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.current?.terminate();
      this.current = undefined;
    }
  }
}

export function createBrowserClient(context: vscode.ExtensionContext, options: LanguageClientOptions): TopologyClient {
  return new WorkerLanguageClient(options, vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browserServer.js'));
}
