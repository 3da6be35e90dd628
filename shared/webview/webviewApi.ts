/**
 * What `acquireVsCodeApi()` gives a webview script, typed by the messages the script may post and
 * the state it keeps across reloads. Pure types: a webview script names them in JSDoc
 * (media/lessons.js) or imports them.
 */
export interface WebviewApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): State;
}
