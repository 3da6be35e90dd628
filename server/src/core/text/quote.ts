/**
 * Wraps user text in backticks for a message: control characters are made visible and the
 * text is cut at 60 characters, so a hostile name cannot break a line or flood a message.
 */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  let clean = text.replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (clean.length > 60) clean = `${clean.slice(0, 59)}…`;
  return `\`${clean.replace(/`/g, "'")}\``;
}
