/**
 * "Try it": opens a lesson's example fabric (front matter `tryIt`, in the catalogue) — the
 * workspace's copy if it has one, else an untitled copy (never the extension's own file).
 */
import * as vscode from 'vscode';
import { isTryItPath } from '../../shared/lessons/frontMatter';
import { isKnownLesson, LESSONS, lessonInfo } from '../../shared/lessons/catalog';
import type { LessonTarget } from '../../shared/lessons/lessonLinks';
import { COMMANDS } from '../../shared/commands';

export interface TryItHooks {
  /** Shows a lesson section (lessons without a try-it file have a "Try it" section instead). */
  showLesson(target: LessonTarget): Promise<void>;
  log(message: string): void;
}

/** Opens a try-it file: the workspace's copy if it has one, else an untitled copy. */
async function openTryItPath(extensionUri: vscode.Uri, path: string): Promise<void> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, path);
    try {
      await vscode.workspace.fs.stat(uri);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: false });
      return;
    } catch {
      // not in this folder
    }
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const untitled = (folder !== undefined ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`)).with({ scheme: 'untitled' });
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === untitled.toString());
  const document = open ?? (await vscode.workspace.openTextDocument(untitled));
  if (open === undefined && document.getText() === '') {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, path)));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(untitled, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** The handler of `topology.openTryIt`: a lesson id, an `examples/…` path, or none (pick a lesson). */
export function tryItCommand(extensionUri: vscode.Uri, hooks: TryItHooks): (arg?: unknown) => Promise<void> {
  return async (arg?: unknown): Promise<void> => {
    let value = arg;
    if (value === undefined) {
      const picked = await vscode.window.showQuickPick(
        LESSONS.flatMap((l) => (l.tryIt === undefined ? [] : [{ label: l.title, description: l.tryIt, id: l.id }])),
        { placeHolder: 'Open the try-it file of a lesson' },
      );
      if (picked === undefined) return;
      value = picked.id;
    }
    if (isKnownLesson(value)) {
      const path = lessonInfo(value)?.tryIt;
      if (path === undefined) return hooks.showLesson({ lesson: value, section: 'try-it' });
      return openTryItPath(extensionUri, path);
    }
    if (isTryItPath(value)) return openTryItPath(extensionUri, value);
    hooks.log(`${COMMANDS.openTryIt}: ignored argument ${JSON.stringify(value)}`);
  };
}
