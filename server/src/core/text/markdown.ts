/**
 * Escapes untrusted text (switch names, descriptions) for Markdown that may also be rendered
 * as HTML: every Markdown punctuation character is backslash-escaped and `<`, `>`, `&` become
 * entities, so `[x](command:…)` or `<img onerror=…>` show as text and never act.
 */
export function escapeMarkdown(text: string, maxLength = 120): string {
  // eslint-disable-next-line no-control-regex
  let clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`;
  return clean.replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code for untrusted text: a code span it cannot break out of (code spans never render HTML or links). */
export function codeSpan(text: string, maxLength = 80): string {
  let clean = text.replace(/[\r\n]+/g, ' ');
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`;
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
