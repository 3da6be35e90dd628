/**
 * Status bar item for topology documents: the fabric summary from the server (`topology/fabricSummary`),
 * or just "Topology" while the server cannot answer. Clicking opens the relevant lesson.
 */
import * as vscode from 'vscode';
import type { TopologyClient } from './languageClient';
import { OPEN_LESSON_COMMAND } from '../../shared/commands';
import type { CommandArgs } from '../../shared/commands';
import { parseFabricSummary } from '../../shared/fabricSummary';
import type { FabricSummary } from '../../shared/fabricSummary';
import { FabricSummaryRequest } from '../../shared/protocol';
import type { FabricSummaryParams, FabricSummaryResult } from '../../shared/protocol';
import { statusLesson, statusText } from './statusSummary';

const METHOD_NOT_FOUND = -32601;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('topology.fabricSummary', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  /** The server said it does not know the request: stop asking until a restart. */
  private unsupported = false;
  private generation = 0;

  constructor(
    private readonly client: () => TopologyClient | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.item.name = 'Topology Tutor';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && event.uris.some((u) => u.toString() === active)) this.refresh();
      }),
    );
  }

  /** After a server restart: ask again even if the old server did not know the request. */
  reset(): void {
    this.unsupported = false;
    this.refresh();
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const generation = ++this.generation;
    if (document === undefined || document.languageId !== 'topology') {
      this.item.hide();
      return;
    }
    this.show(undefined);
    void this.fetch(document.uri).then((summary) => {
      if (generation === this.generation) this.show(summary);
    });
  }

  private async fetch(uri: vscode.Uri): Promise<FabricSummary | undefined> {
    const client = this.client();
    if (this.unsupported || client === undefined || !client.isRunning()) return undefined;
    try {
      const params: FabricSummaryParams = { uri: client.code2ProtocolConverter.asUri(uri) };
      const result: FabricSummaryResult = await client.sendRequest(FabricSummaryRequest.type, params);
      // Typed by the request, but checked all the same: the server may be another version or another program.
      return parseFabricSummary(result);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === METHOD_NOT_FOUND) this.unsupported = true;
      else this.log(`${FabricSummaryRequest.method} failed: ${String(error)}`);
      return undefined;
    }
  }

  private show(summary: FabricSummary | undefined): void {
    this.item.text = statusText(summary);
    const target = statusLesson(summary);
    const tooltip = new vscode.MarkdownString();
    if (summary === undefined) {
      tooltip.appendText('Topology Tutor. Click to open the lessons.');
    } else {
      tooltip.appendText(`${summary.spines} spines, ${summary.leaves} leaves`);
      if (summary.worstRatio !== undefined) {
        tooltip.appendText(`; worst oversubscription ${summary.worstRatio}${summary.worstLeaf !== undefined ? ` (${summary.worstLeaf})` : ''}`);
        if (summary.overMax) tooltip.appendText(', above the design maximum');
      }
      tooltip.appendText(`. ${summary.errors} errors, ${summary.warnings} warnings. Click to learn more.`);
    }
    this.item.tooltip = tooltip;
    const args: CommandArgs['openLesson'] = [target];
    this.item.command = { title: 'Open lesson', command: OPEN_LESSON_COMMAND, arguments: args };
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => void d.dispose());
  }
}
