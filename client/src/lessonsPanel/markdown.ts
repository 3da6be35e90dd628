/**
 * A small, safe Markdown → HTML renderer for our lessons (pure, no vscode import). It knows what the
 * lessons use: headings (with GitHub-style id anchors, the same as parseLesson's), paragraphs, block
 * quotes, lists (nested by indentation), tables, code fences, rules, and inline code, bold, italic and
 * links. Every piece of text is HTML-escaped; raw HTML in the source shows as text. Links become
 * data attributes the webview script handles: another lesson (`x.md#a`) or a section (`#a`); any
 * other link is shown as text, never followed.
 */
import { isAnchor, parseLessonHref } from '../../../shared/lessons/lessonLinks';
import { slug } from '../../../shared/lessons/lessonFile';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Context {
  /** Anchor counts, so repeated headings get -1, -2… like GitHub and parseLesson. */
  anchors: Map<string, number>;
}

const FENCE_RE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const HEADING_RE = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_RE = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HR_RE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_SEP_RE = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

export function renderMarkdown(markdown: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = markdown.replace(/^\uFEFF/, '').replace(/[\u0000\u0001]/g, '');
  return renderBlocks(clean.split(/\r?\n/), { anchors: new Map() });
}

function indentOf(line: string): number {
  return /^ */.exec(line.replace(/\t/g, '    '))![0].length;
}

function isBlockStart(line: string): boolean {
  return FENCE_RE.test(line) || HEADING_RE.test(line) || LIST_RE.test(line) || /^\s*>/.test(line) || HR_RE.test(line) || /^\s*\|/.test(line);
}

function renderBlocks(lines: string[], ctx: Context): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE_RE.exec(line);
    if (fence !== null) {
      const marker = fence[2];
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i])) {
        body.push(lines[i].slice(Math.min(fence[1].length, indentOf(lines[i]))));
        i++;
      }
      i++; // closing fence
      const lang = fence[3] !== '' ? ` class="language-${escapeHtml(fence[3])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING_RE.exec(line);
    if (heading !== null && indentOf(line) < 4) {
      const level = heading[1].length;
      const base = slug(heading[2]);
      const seen = ctx.anchors.get(base) ?? 0;
      ctx.anchors.set(base, seen + 1);
      const id = seen === 0 ? base : `${base}-${seen}`;
      out.push(`<h${level} id="${escapeHtml(id)}">${renderInline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (HR_RE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) {
        body.push(lines[i].replace(/^\s*>\s?/, ''));
        i++;
      }
      out.push(`<blockquote>${renderBlocks(body, ctx)}</blockquote>`);
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && TABLE_SEP_RE.test(lines[i + 1])) {
      const header = splitRow(line);
      const aligns = splitRow(lines[i + 1]).map((cell) => {
        const c = cell.trim();
        if (c.startsWith(':') && c.endsWith(':')) return 'center';
        if (c.endsWith(':')) return 'right';
        return c.startsWith(':') ? 'left' : '';
      });
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        rows.push(splitRow(lines[i]));
        i++;
      }
      const cell = (tag: string, text: string, col: number): string => {
        const align = aligns[col] !== undefined && aligns[col] !== '' ? ` class="align-${aligns[col]}"` : '';
        return `<${tag}${align}>${renderInline(text.trim())}</${tag}>`;
      };
      const head = `<thead><tr>${header.map((h, col) => cell('th', h, col)).join('')}</tr></thead>`;
      const body = rows.map((r) => `<tr>${header.map((_h, col) => cell('td', r[col] ?? '', col)).join('')}</tr>`).join('');
      out.push(`<table>${head}<tbody>${body}</tbody></table>`);
      continue;
    }
    const item = LIST_RE.exec(line);
    if (item !== null) {
      const baseIndent = indentOf(line);
      const ordered = /\d/.test(item[2]);
      const start = ordered ? Number.parseInt(item[2], 10) : 1;
      const items: string[][] = [];
      let loose = false;
      while (i < lines.length) {
        const m = LIST_RE.exec(lines[i]);
        if (m === null || indentOf(lines[i]) !== baseIndent || /\d/.test(m[2]) !== ordered) break;
        const contentIndent = baseIndent + m[2].length + 1;
        const body = [m[3]];
        i++;
        while (i < lines.length) {
          const next = lines[i];
          if (next.trim() === '') {
            // A blank line continues the item only if indented content follows.
            if (i + 1 < lines.length && lines[i + 1].trim() !== '' && indentOf(lines[i + 1]) > baseIndent) {
              body.push('');
              loose = loose || !LIST_RE.test(lines[i + 1]);
              i++;
              continue;
            }
            break;
          }
          if (indentOf(next) > baseIndent) {
            body.push(next.slice(Math.min(indentOf(next), contentIndent)));
            i++;
            continue;
          }
          if (isBlockStart(next)) break;
          body.push(next.trim()); // lazy continuation of the paragraph
          i++;
        }
        items.push(body);
        if (i < lines.length && lines[i].trim() === '' && i + 1 < lines.length) {
          const after = LIST_RE.exec(lines[i + 1]);
          if (after !== null && indentOf(lines[i + 1]) === baseIndent && /\d/.test(after[2]) === ordered) {
            loose = true;
            i++;
          }
        }
      }
      const tag = ordered ? 'ol' : 'ul';
      const startAttr = ordered && start !== 1 ? ` start="${start}"` : '';
      const rendered = items.map((body) => {
        let html = renderBlocks(body, ctx);
        if (!loose) html = html.replace(/^<p>([\s\S]*?)<\/p>/, '$1');
        return `<li>${html}</li>`;
      });
      out.push(`<${tag}${startAttr}>${rendered.join('')}</${tag}>`);
      continue;
    }
    // Paragraph: until a blank line or another block.
    const para: string[] = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !isBlockStart(lines[i])) {
      para.push(lines[i].trim());
      i++;
    }
    out.push(`<p>${renderInline(para.join('\n'))}</p>`);
  }
  return out.join('\n');
}

/** Splits a table row on `|`, except escaped `\|` and pipes inside code spans. */
function splitRow(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let tick = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\' && text[k + 1] === '|') {
      current += '|';
      k++;
    } else if (ch === '`') {
      let run = 1;
      while (text[k + run] === '`') run++;
      if (tick === 0) tick = run;
      else if (tick === run) tick = 0;
      current += '`'.repeat(run);
      k += run - 1;
    } else if (ch === '|' && tick === 0) {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

/** Inline Markdown → HTML. Code spans and links are cut out first, the rest is escaped, then emphasis. */
export function renderInline(text: string): string {
  const slots: string[] = [];
  const hold = (html: string): string => `\u0000${slots.push(html) - 1}\u0001`;
  // eslint-disable-next-line no-control-regex
  let s = text.replace(/[\u0000\u0001]/g, '');
  s = s.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
    const body = code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code;
    return hold(`<code>${escapeHtml(body.replace(/\n/g, ' '))}</code>`);
  });
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_m, ch: string) => hold(escapeHtml(ch)));
  s = s.replace(/\[([^\]\n]*(?:\n[^\]\n]*)?)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, href: string) =>
    hold(renderLink(label, href)),
  );
  s = escapeHtml(s);
  s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1<em>$2</em>');
  s = s.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
  s = s.replace(/\n/g, ' ');
  // Restore held pieces (they may nest: a link label can hold code).
  for (let pass = 0; pass < 3 && s.includes('\u0000'); pass++) {
    // eslint-disable-next-line no-control-regex
    s = s.replace(/\u0000(\d+)\u0001/g, (_m, n: string) => slots[Number(n)] ?? '');
  }
  return s;
}

function renderLink(label: string, href: string): string {
  const inner = renderInline(label);
  if (href.startsWith('#')) {
    const section = href.slice(1);
    if (isAnchor(section)) return `<a href="#${escapeHtml(section)}" data-section="${escapeHtml(section)}">${inner}</a>`;
    return `<span class="link">${inner}</span>`;
  }
  const target = parseLessonHref(href, { relative: true }) ?? parseLessonHref(href);
  if (target !== undefined) {
    const section = target.section === undefined ? '' : ` data-section="${escapeHtml(target.section)}"`;
    return `<a href="#" data-lesson="${escapeHtml(target.lesson)}"${section}>${inner}</a>`;
  }
  // Not a lesson link: shown, not followed (no remote content in the panel).
  return `<span class="link" title="${escapeHtml(href)}">${inner}</span>`;
}
