/**
 * The page of a webview panel (the lessons panel, the diagram): a strict Content-Security-Policy
 * (nothing but the extension's own style and script, the script only with this page's nonce), the
 * stylesheet, the body the panel writes, and its script last.
 */
import * as vscode from 'vscode';
import { webviewNonce } from './webviewNonce';

export interface WebviewPage {
  /** The extension's folder (its `media/` holds the script and the stylesheet). */
  extensionUri: vscode.Uri;
  /** File names in `media/`. */
  script: string;
  style: string;
  /** Plain text (no user input). */
  title: string;
  /** The page's body, without the script. */
  body: string;
}

export function webviewHtml(webview: vscode.Webview, page: WebviewPage): string {
  const nonce = webviewNonce();
  const media = vscode.Uri.joinPath(page.extensionUri, 'media');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, page.style));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>${page.title}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
