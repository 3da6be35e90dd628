/**
 * Lesson links end to end: the format (shared/lessons/lessonLinks.ts) as the core builds it and the
 * client rewrites it, file:// lesson URIs → command:topology.openLesson URIs (client/src/lessonLinkRewrite.ts).
 */
import { strict as assert } from 'assert';
import { learnLink } from '../../../server/src/core/hover/learnLink';
import { ruleLessonHref } from '../../../server/src/core/lessons/lessonLinks';
import { SECTIONS } from '../../../server/src/core/lessons/lessonSections';
import { RULES } from '../../../server/src/core/rules/catalog';
import { HOVER_ENABLED_COMMANDS } from '../../../shared/commands';
import { lessonCommandUri, lessonHref, lessonUriQuery, parseLessonUri, LESSON_URI_PATH, parseLessonHref, toLessonTarget } from '../../../shared/lessons/lessonLinks';
import { rewriteHref, rewriteLessonLinks } from '../../../client/src/lessonLinkRewrite';

const BASE = 'file:///home/me/.vscode/extensions/topology-tutor/lessons';

/** Decodes a command URI the way VS Code's command opener does. */
function commandArgs(uri: string): { command: string; args: unknown } {
  const m = /^command:([\w.]+)\?(.*)$/.exec(uri);
  assert.ok(m, `not a command URI with arguments: ${uri}`);
  return { command: m[1], args: JSON.parse(decodeURIComponent(m[2])) };
}

describe('client lesson links', () => {
  it('parses a lesson file URI with and without an anchor', () => {
    assert.deepEqual(parseLessonHref(`${BASE}/ecmp.md#parallel-links`), { lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(parseLessonHref(`${BASE}/ecmp.md`), { lesson: 'ecmp' });
    assert.deepEqual(parseLessonHref(`${BASE}/ecmp.md#`), { lesson: 'ecmp' });
    assert.deepEqual(parseLessonHref('file:///c%3A/Users/me/ext/lessons/vm-exits.md#the-vmcs'), { lesson: 'vm-exits', section: 'the-vmcs' });
  });

  it('parses back every section link the core builds, whatever the lessons folder URI', () => {
    for (const base of [BASE, 'file:///c%3A/Program%20Files/ext/lessons', 'file:///tmp/x/lessons']) {
      for (const section of Object.values(SECTIONS)) {
        const href = lessonHref(base, section);
        assert.equal(href, `${base}/${section.lesson}.md#${section.anchor}`);
        assert.deepEqual(parseLessonHref(href), { lesson: section.lesson, section: section.anchor }, href);
      }
    }
  });

  it('rejects unknown lessons, other folders, other schemes and bad anchors', () => {
    assert.equal(parseLessonHref(`${BASE}/nope.md#x`), undefined);
    assert.equal(parseLessonHref('file:///home/me/notes/ecmp.md#x'), undefined);
    assert.equal(parseLessonHref('https://example.com/lessons/ecmp.md#x'), undefined);
    assert.equal(parseLessonHref('command:topology.openLesson'), undefined);
    // A malformed anchor is dropped, the lesson still opens.
    assert.deepEqual(parseLessonHref(`${BASE}/ecmp.md#a%22b`), { lesson: 'ecmp' });
  });

  it('builds command URIs whose argument decodes to the target', () => {
    const uri = lessonCommandUri({ lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(commandArgs(uri), { command: 'topology.openLesson', args: [{ lesson: 'ecmp', section: 'parallel-links' }] });
    assert.deepEqual(commandArgs(lessonCommandUri({ lesson: 'ecmp' })).args, [{ lesson: 'ecmp' }]);
    assert.ok(!/[\s"#()[\]]/.test(uri.slice('command:'.length)), `unencoded characters in ${uri}`);
  });

  it('rewrites the links the server puts in hovers ("Learn: … — N min")', () => {
    const link = learnLink(BASE, { lesson: 'modern-topology', anchor: 'oversubscription-ratios', title: 'Oversubscription ratios' });
    const hover = `**leaf1**: 4:1\n\n${link}\n\n[elsewhere](https://example.com/x)`;
    const { text, changed } = rewriteLessonLinks(hover);
    assert.ok(changed);
    assert.ok(text.includes('[Learn: Oversubscription ratios — 40 min](command:topology.openLesson?'), text);
    assert.ok(!text.includes('file://'), text);
    assert.ok(text.includes('[elsewhere](https://example.com/x)'), 'other links stay');
    const uri = /\((command:[^)]+)\)/.exec(text)![1];
    assert.deepEqual(commandArgs(uri).args, [{ lesson: 'modern-topology', section: 'oversubscription-ratios' }]);
  });

  it('leaves Markdown without lesson links unchanged', () => {
    const md = 'No links. [a file](file:///tmp/x.md) `code`';
    assert.deepEqual(rewriteLessonLinks(md), { text: md, changed: false });
  });

  it('rewrites the codeDescription href of every rule', () => {
    for (const id of RULES.keys()) {
      const href = ruleLessonHref(BASE, id);
      assert.ok(href !== undefined, id);
      const rewritten = rewriteHref(href);
      assert.match(rewritten, /^command:topology\.openLesson\?/, `${id}: ${href}`);
      const [arg] = commandArgs(rewritten).args as { lesson: string; section: string }[];
      assert.ok(href.endsWith(`/${arg.lesson}.md#${arg.section}`), `${id}: ${href} → ${JSON.stringify(arg)}`);
    }
  });

  it('accepts every argument form of topology.openLesson', () => {
    assert.deepEqual(toLessonTarget({ lesson: 'ecmp', section: 'parallel-links' }), { lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(toLessonTarget({ lesson: 'ecmp', section: 42 }), { lesson: 'ecmp' });
    assert.deepEqual(toLessonTarget(`${BASE}/ecmp.md#parallel-links`), { lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(toLessonTarget('ecmp#parallel-links'), { lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(toLessonTarget('ecmp'), { lesson: 'ecmp' });
    for (const bad of [undefined, null, 42, [], ['ecmp'], {}, { lesson: 'nope' }, { lesson: '../etc/passwd' }, 'nope', '__proto__', { lesson: 'constructor' }]) {
      assert.equal(toLessonTarget(bad), undefined, JSON.stringify(bad));
    }
  });

  it('trusts only our own commands in hovers', () => {
    assert.deepEqual([...HOVER_ENABLED_COMMANDS].sort(), ['topology.openLesson', 'topology.openTryIt']);
  });
});

describe('lesson URIs (the extension URI diagnostics link to)', () => {
  it('round-trips a lesson and section through the query', () => {
    const query = lessonUriQuery({ lesson: 'ecmp', section: 'parallel-links' });
    assert.equal(query, 'lesson=ecmp&section=parallel-links');
    assert.deepEqual(parseLessonUri(LESSON_URI_PATH, query), { lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(parseLessonUri(LESSON_URI_PATH, lessonUriQuery({ lesson: 'vm-exits' })), { lesson: 'vm-exits' });
  });

  it('refuses other paths, unknown lessons and hostile sections', () => {
    assert.equal(parseLessonUri('/other', 'lesson=ecmp'), undefined);
    assert.equal(parseLessonUri(LESSON_URI_PATH, 'lesson=not-a-lesson'), undefined);
    assert.equal(parseLessonUri(LESSON_URI_PATH, ''), undefined);
    assert.deepEqual(parseLessonUri(LESSON_URI_PATH, 'lesson=ecmp&section=%3Cimg%20onerror%3Dx%3E'), { lesson: 'ecmp' });
  });
});
