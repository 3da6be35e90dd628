/** Reads a lesson's Markdown: front matter, section anchors (GitHub-style slugs) and links. */
export interface LessonFile {
  frontMatter: Map<string, string>;
  body: string;
  anchors: Set<string>;
  headings: { level: number; title: string; anchor: string }[];
}

/** GitHub's heading slug: lower case, punctuation dropped (but `-`), spaces to `-`, repeats numbered. */
export function slug(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function parseLesson(markdown: string): LessonFile {
  const frontMatter = new Map<string, string>();
  let body = markdown.replace(/^\uFEFF/, '');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(body);
  if (fm !== null) {
    for (const line of fm[1].split(/\r?\n/)) {
      const m = /^([A-Za-z][\w-]*):\s*(.*?)\s*(?:#.*)?$/.exec(line);
      if (m !== null) frontMatter.set(m[1], m[2].replace(/^["']|["']$/g, ''));
    }
    body = body.slice(fm[0].length);
  }
  const anchors = new Set<string>();
  const headings: LessonFile['headings'] = [];
  const counts = new Map<string, number>();
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m === null) continue;
    const base = slug(m[2]);
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    const anchor = seen === 0 ? base : `${base}-${seen}`;
    anchors.add(anchor);
    headings.push({ level: m[1].length, title: m[2], anchor });
  }
  return { frontMatter, body, anchors, headings };
}
