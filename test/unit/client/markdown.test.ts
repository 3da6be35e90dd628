/** The lessons panel's Markdown renderer (client/src/lessonsPanel/markdown.ts): safe, and anchors match parseLesson. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LESSONS } from '../../../shared/lessons/catalog';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import { renderInline, renderMarkdown } from '../../../client/src/lessonsPanel/markdown';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('client markdown renderer', () => {
  it('renders headings with GitHub-style ids, repeated ones numbered', () => {
    const html = renderMarkdown('# Title\n\n## Try it\n\ntext\n\n## Try it\n\n### What\'s next?');
    assert.ok(html.includes('<h1 id="title">Title</h1>'), html);
    assert.ok(html.includes('<h2 id="try-it">Try it</h2>'), html);
    assert.ok(html.includes('<h2 id="try-it-1">Try it</h2>'), html);
    assert.ok(html.includes('<h3 id="whats-next">What&#39;s next?</h3>'), html);
  });

  it('escapes raw HTML everywhere', () => {
    const html = renderMarkdown([
      '<script>alert(1)</script>',
      '',
      '## <img src=x onerror=alert(1)>',
      '',
      '- <b>item</b> `<i>code</i>`',
      '',
      '| <a> | b |',
      '|---|---|',
      '| <iframe> | "q" |',
      '',
      '```html',
      '<style>body{}</style>',
      '```',
      '',
      '[x](javascript:alert(1)) [y](https://evil.example/"onmouseover="alert(1))',
    ].join('\n'));
    assert.ok(!/<(script|img|b|i|a |iframe|style)[\s>]/.test(html.replace(/<a href="#"[^>]*>/g, '')), html);
    assert.ok(!html.includes('javascript:alert') || !/href="javascript/.test(html), html);
    assert.ok(!/href="https?:/.test(html), 'no remote links');
    assert.ok(html.includes('&lt;script&gt;'), html);
  });

  it('renders paragraphs, emphasis, code, lists, quotes, tables and fences', () => {
    const html = renderMarkdown([
      'A **bold** and *italic* word with `a | b` code.',
      '',
      '> quoted',
      '',
      '1. one',
      '   continued',
      '2. two',
      '   - nested',
      '',
      '| Left | Right |',
      '|:---|---:|',
      '| `x \\| y` | 2 |',
      '',
      '```yaml',
      'links:',
      '  - between: [a, b]',
      '```',
    ].join('\n'));
    assert.ok(html.includes('<p>A <strong>bold</strong> and <em>italic</em> word with <code>a | b</code> code.</p>'), html);
    assert.ok(html.includes('<blockquote><p>quoted</p></blockquote>'), html);
    assert.match(html, /<ol><li>one continued<\/li><li>two\s*<ul><li>nested<\/li><\/ul><\/li><\/ol>/);
    assert.ok(html.includes('<th class="align-left">Left</th><th class="align-right">Right</th>'), html);
    assert.ok(html.includes('<td class="align-left"><code>x | y</code></td>'), html);
    assert.ok(html.includes('<pre><code class="language-yaml">links:\n  - between: [a, b]</code></pre>'), html);
  });

  it('turns lesson links into data attributes and other links into text', () => {
    assert.equal(renderInline('[ECMP](ecmp.md#parallel-links)'), '<a href="#" data-lesson="ecmp" data-section="parallel-links">ECMP</a>');
    assert.equal(renderInline('[up](#the-idea)'), '<a href="#the-idea" data-section="the-idea">up</a>');
    assert.equal(renderInline('[RFC](https://example.com/rfc)'), '<span class="link" title="https://example.com/rfc">RFC</span>');
    assert.equal(renderInline('[gone](missing.md)'), '<span class="link" title="missing.md">gone</span>');
  });

  for (const lesson of LESSONS) {
    it(`renders lessons/${lesson.id}.md with every anchor of parseLesson`, () => {
      const parsed = parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', `${lesson.id}.md`), 'utf8'));
      const html = renderMarkdown(parsed.body);
      const ids = [...html.matchAll(/<h[1-6] id="([^"]+)">/g)].map((m) => m[1]);
      assert.deepEqual(ids, parsed.headings.map((h) => h.anchor));
      assert.ok(!/<(?!\/?(h[1-6]|p|a|ul|ol|li|em|strong|code|pre|blockquote|table|thead|tbody|tr|th|td|hr|span)\b)/.test(html), 'only our own tags');
      assert.ok(!html.includes('\u0000'), 'no placeholder left');
      // Every lesson link points at a section that exists.
      for (const m of html.matchAll(/data-lesson="([^"]+)"(?: data-section="([^"]+)")?/g)) {
        const target = parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', `${m[1]}.md`), 'utf8'));
        if (m[2] !== undefined) assert.ok(target.anchors.has(m[2]), `${m[1]}#${m[2]}`);
      }
    });
  }
});
