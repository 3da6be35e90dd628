/**
 * The client's side of lesson links, pure (no vscode import): the server links lessons in the file
 * form `file:///…/lessons/<id>.md#<anchor>` (shared/lessons/lessonLinks.ts); the client rewrites
 * those to `command:topology.openLesson?…` URIs in hovers, so that they open the lesson in our
 * panel (desktop and browser alike).
 */
import { lessonCommandUri, parseLessonHref } from '../../shared/lessons/lessonLinks';

/** Rewrites a lesson link (file URI) to its command URI; any other link comes back unchanged. */
export function rewriteHref(href: string): string {
  const target = parseLessonHref(href);
  return target === undefined ? href : lessonCommandUri(target);
}

/** Rewrites every Markdown link `[label](file://…/lessons/<id>.md#a)` to the command URI. */
export function rewriteLessonLinks(markdown: string): { text: string; changed: boolean } {
  let changed = false;
  const text = markdown.replace(/\]\(\s*<?(file:\/\/[^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g, (whole, href: string, title: string) => {
    const rewritten = rewriteHref(href);
    if (rewritten === href) return whole;
    changed = true;
    return `](${rewritten}${title})`;
  });
  return { text, changed };
}
