/**
 * Context keys the extension sets for walkthrough completion events (`onContext:<key>`). The values
 * are remembered so the test hook can read them (VS Code has no API to read a context key).
 */
import * as vscode from 'vscode';
import { knownContextKeys } from './walkthroughKeys';

export class ContextKeys {
  private readonly values = new Map<string, boolean>(knownContextKeys().map((k) => [k, false]));

  constructor(private readonly log: (message: string) => void) {}

  /** Sets a key to true (once true it stays true for the session; walkthroughs remember completion). */
  set(key: string): void {
    if (this.values.get(key) === true) return;
    this.values.set(key, true);
    vscode.commands.executeCommand('setContext', key, true).then(undefined, (error: unknown) => this.log(`setContext ${key} failed: ${String(error)}`));
  }

  snapshot(): Record<string, boolean> {
    return Object.fromEntries(this.values);
  }
}
