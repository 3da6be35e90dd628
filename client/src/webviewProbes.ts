/**
 * The tests' questions to a webview and their answers (the lessons panel and the diagram both
 * answer them): "send me your DOM" and "click this", each with a request id the webview echoes.
 * One pending promise per id; all of them fail when the panel closes. A question asked before the
 * page's script listens (a panel just created, or a page reloaded) waits for it: a message posted
 * earlier could reach the page before its listener and be lost.
 */

/** A promise's two ends, kept until the webview answers. */
export interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class WebviewProbes<Dom> {
  private nextRequestId = 1;
  private readonly domRequests = new Map<number, Pending<Dom>>();
  private readonly clickRequests = new Map<number, Pending<void>>();
  private scriptListening = false;
  private readonly untilListening: (() => void)[] = [];

  /** @param notOpen the error when a question is asked while the panel is not open */
  constructor(private readonly notOpen: string) {}

  /** Asks for the DOM: `send(requestId)` posts the request when the panel is open (returns false otherwise). */
  dom(send: (requestId: number) => boolean): Promise<Dom> {
    return this.ask(this.domRequests, send);
  }

  /** Asks for a click (or key press): `send(requestId)` posts it when the panel is open. */
  click(send: (requestId: number) => boolean): Promise<void> {
    return this.ask(this.clickRequests, send);
  }

  /** The page's script said it listens (its first message): the questions asked before go now. */
  listening(): void {
    this.scriptListening = true;
    for (const send of this.untilListening.splice(0)) send();
  }

  /** A new page is loading: questions wait for its script. */
  pageLoading(): void {
    this.scriptListening = false;
  }

  /** The webview's DOM answer. */
  answerDom(requestId: number, dom: Dom): void {
    const p = this.domRequests.get(requestId);
    this.domRequests.delete(requestId);
    p?.resolve(dom);
  }

  /** The webview's click answer; `failure` is the error when it found nothing to click. */
  answerClick(requestId: number, ok: boolean, failure: string): void {
    const p = this.clickRequests.get(requestId);
    this.clickRequests.delete(requestId);
    if (ok) p?.resolve();
    else p?.reject(new Error(failure));
  }

  /** The panel closed: every open question fails with `error`. */
  rejectAll(error: Error): void {
    for (const p of [...this.domRequests.values(), ...this.clickRequests.values()]) p.reject(error);
    this.domRequests.clear();
    this.clickRequests.clear();
    this.untilListening.length = 0;
    this.scriptListening = false;
  }

  private ask<T>(pending: Map<number, Pending<T>>, send: (requestId: number) => boolean): Promise<T> {
    const requestId = this.nextRequestId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      const post = (): void => {
        if (send(requestId)) return;
        pending.delete(requestId);
        reject(new Error(this.notOpen));
      };
      if (this.scriptListening) post();
      else this.untilListening.push(post);
    });
  }
}
