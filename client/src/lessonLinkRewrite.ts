/**
 * The client's side of lesson links, pure (no vscode import): the server links lessons in the file
 * form `file:///…/lessons/<id>.md#<anchor>` (shared/lessons/lessonLinks.ts), or, the browser
 * build's server, into the extension's lessons folder URI (`base`); the client rewrites those to
 * `command:topology.openLesson?…` URIs in hovers, so that they open the lesson in our panel
 * (desktop and browser alike).
 */
import { lessonCommandUri, parseLessonHref } from '../../shared/lessons/lessonLinks';

/** Rewrites a lesson link (file URI, or a URI under `base`) to its command URI; any other link comes back unchanged. */
export function rewriteHref(href: string, base?: string): string {
  const target = parseLessonHref(href, { base });
  return target === undefined ? href : lessonCommandUri(target);
}

/** Rewrites every Markdown link `[label](file://…/lessons/<id>.md#a)` (or `<base>/<id>.md#a`) to the command URI. */
export function rewriteLessonLinks(markdown: string, base?: string): { text: string; changed: boolean } {
  let changed = false;
  const text = markdown.replace(/\]\(\s*<?([a-z][a-z0-9+.-]*:\/\/[^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/gi, (whole, href: string, title: string) => {
    const rewritten = rewriteHref(href, base);
    if (rewritten === href) return whole;
    changed = true;
    return `](${rewritten}${title})`;
  });
  return { text, changed };
}
