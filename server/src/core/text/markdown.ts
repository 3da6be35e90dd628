/** Inline code for untrusted text: a code span it cannot break out of (code spans never render HTML or links). */
export function codeSpan(text: string, maxLength = 80): string {
  let clean = text.replace(/[\r\n]+/g, ' ');
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`;
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
