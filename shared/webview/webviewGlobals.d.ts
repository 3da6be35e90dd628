// The global VS Code defines in a webview. Only tsconfig.webview.json includes this file (the
// webview script's type check); the extension and the server never see it.
declare function acquireVsCodeApi<Message = unknown, State = unknown>(): import('./webviewApi').WebviewApi<Message, State>;
