/** The checks the client applies to what arrives over the wire: lesson figures and Lint Workspace answers. */
import { strict as assert } from 'assert';
import { parseLessonFigures } from '../../../shared/lessonFigures';
import type { LessonFigures } from '../../../shared/lessonFigures';
import { parseLintFileResult } from '../../../shared/lintWorkspace';

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } };
const good: LessonFigures = {
  lesson: 'modern-topology',
  groups: [
    {
      section: 'oversubscription-ratios',
      title: 'Oversubscription ratios',
      figures: [{ label: 'leaf1', text: '800G to servers ÷ 200G to spines = 4:1', status: 'over', target: { name: 'leaf1', range } }],
      more: 0,
      note: 'One leaf.',
    },
    { section: 'east-west-vs-north-south-traffic', title: 'East-west vs north-south', figures: [], more: 0, tryIt: 'examples/lessons/north-south.topology.yaml' },
  ],
};

describe('lesson figures over the wire (parseLessonFigures)', () => {
  it('accepts a well-formed answer and returns a clean copy', () => {
    const raw = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    (raw as { extra?: string }).extra = 'dropped';
    assert.deepEqual(parseLessonFigures(raw, 'modern-topology'), good);
  });

  it('refuses figures of another lesson, unknown lessons and malformed parts', () => {
    const mutate = (f: (x: LessonFigures) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(good)) as LessonFigures;
      f(copy);
      return copy;
    };
    assert.equal(parseLessonFigures(good, 'ecmp'), undefined);
    const bad: unknown[] = [
      null, 42, [], { lesson: 'modern-topology' }, { lesson: '__proto__', groups: [] },
      mutate((x) => (x.groups[0].section = 'not an anchor!')),
      mutate((x) => (x.groups[0].figures[0].status = 'fine' as never)),
      mutate((x) => (x.groups[0].figures[0].label = '')),
      mutate((x) => (x.groups[0].figures[0].text = 'x'.repeat(401))),
      mutate((x) => (x.groups[0].figures[0].target!.range.start.line = -1)),
      mutate((x) => (x.groups[0].figures[0].target!.range.end = { line: 2, character: 0 })),
      mutate((x) => (x.groups[0].figures[0].target!.name = 'x'.repeat(121))),
      mutate((x) => (x.groups[0].more = 1.5)),
      mutate((x) => (x.groups[1].tryIt = '../../etc/passwd')),
      mutate((x) => (x.groups[1].tryIt = 'examples/../x.topology.yaml')),
      mutate((x) => (x.groups = new Array(9).fill(x.groups[1]) as LessonFigures['groups'])),
      mutate((x) => (x.groups[0].figures = new Array(13).fill(x.groups[0].figures[0]) as LessonFigures['groups'][number]['figures'])),
    ];
    for (const value of bad) assert.equal(parseLessonFigures(value, 'modern-topology'), undefined, JSON.stringify(value).slice(0, 200));
  });
});

describe('Lint Workspace answers over the wire (parseLintFileResult)', () => {
  const uri = 'file:///ws/a.topology.yaml';
  const diagnostic = {
    range,
    message: '`leaf1` is 4:1 oversubscribed',
    severity: 2,
    code: 'oversubscription',
    source: 'topology-tutor',
    codeDescription: { href: 'file:///ext/lessons/modern-topology.md#oversubscription-ratios' },
    relatedInformation: [{ location: { uri, range }, message: 'here' }],
    data: { subject: { switches: ['leaf1'] } },
  };

  it('keeps what the Problems panel shows and drops the rest', () => {
    const result = parseLintFileResult({ uri, ignored: false, diagnostics: [diagnostic] }, uri);
    const shown: Partial<typeof diagnostic> = { ...diagnostic };
    delete shown.data;
    assert.deepEqual(result, { uri, ignored: false, diagnostics: [shown] });
    assert.deepEqual(parseLintFileResult({ uri, ignored: true, diagnostics: [] }, uri), { uri, ignored: true, diagnostics: [] });
  });

  it('refuses an answer for another file or with a malformed diagnostic', () => {
    const bad: unknown[] = [
      null, { uri: 'file:///other', ignored: false, diagnostics: [] }, { uri, ignored: 'no', diagnostics: [] }, { uri, ignored: false },
      { uri, ignored: false, diagnostics: [{ ...diagnostic, severity: 7 }] },
      { uri, ignored: false, diagnostics: [{ ...diagnostic, message: 42 }] },
      { uri, ignored: false, diagnostics: [{ ...diagnostic, range: { start: { line: -1, character: 0 }, end: range.end } }] },
      { uri, ignored: false, diagnostics: [{ ...diagnostic, message: 'x'.repeat(20_001) }] },
    ];
    for (const value of bad) assert.equal(parseLintFileResult(value, uri), undefined, JSON.stringify(value).slice(0, 200));
  });
});
