/**
 * Hands-on walkthrough steps complete when the user's try-it file no longer has the finding it was
 * written for. Pure: the extension feeds it diagnostics changes and sets the returned context keys.
 */

export interface HandsOnFix {
  /** File name of the try-it file (matched on the URI's last path segment, so copies and untitled docs count). */
  file: string;
  rule: string;
  contextKey: string;
}

export const HANDS_ON_FIXES: readonly HandsOnFix[] = [
  { file: 'oversubscribed-leaf.topology.yaml', rule: 'oversubscription', contextKey: 'topology.fixed.oversubscription' },
  { file: 'missing-spine-link.topology.yaml', rule: 'spine-connectivity', contextKey: 'topology.fixed.spineConnectivity' },
];

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export class FixTracker {
  /** URIs (as strings) where the rule's finding was seen, by context key. */
  private readonly seen = new Map<string, Set<string>>();
  private readonly fixed = new Set<string>();

  constructor(private readonly fixes: readonly HandsOnFix[] = HANDS_ON_FIXES) {}

  /**
   * Diagnostics of `uri` changed to `codes` (rule ids). `isOpen`: the document is still open (closing
   * a file clears its diagnostics, which is not a fix). Returns the context keys fixed just now.
   */
  update(uri: string, codes: readonly string[], isOpen: boolean): string[] {
    const name = fileName(uri);
    const newlyFixed: string[] = [];
    for (const fix of this.fixes) {
      if (fix.file !== name) continue;
      const uris = this.seen.get(fix.contextKey) ?? new Set<string>();
      this.seen.set(fix.contextKey, uris);
      if (codes.includes(fix.rule)) {
        uris.add(uri);
      } else if (isOpen && uris.has(uri) && !this.fixed.has(fix.contextKey)) {
        this.fixed.add(fix.contextKey);
        newlyFixed.push(fix.contextKey);
      }
    }
    return newlyFixed;
  }

  isFixed(contextKey: string): boolean {
    return this.fixed.has(contextKey);
  }
}
