/** Validation of messages from the lessons webview (shared/webview/lessonsPanelMessages.ts). */
import { strict as assert } from 'assert';
import { parseSavedPanelState, parseWebviewMessage } from '../../../shared/webview/lessonsPanelMessages';

describe('client webview messages', () => {
  it('accepts the messages the webview script sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'getState' }), { type: 'getState' });
    assert.deepEqual(parseWebviewMessage({ type: 'openLesson', lesson: 'ecmp' }), { type: 'openLesson', lesson: 'ecmp' });
    assert.deepEqual(parseWebviewMessage({ type: 'openLesson', lesson: 'ecmp', section: 'parallel-links' }), { type: 'openLesson', lesson: 'ecmp', section: 'parallel-links' });
    assert.deepEqual(parseWebviewMessage({ type: 'setDone', lesson: 'vm-exits', done: true }), { type: 'setDone', lesson: 'vm-exits', done: true });
    assert.deepEqual(parseWebviewMessage({ type: 'tryIt', lesson: 'ecmp' }), { type: 'tryIt', lesson: 'ecmp' });
    assert.deepEqual(parseWebviewMessage({ type: 'clicked', requestId: 3, ok: true }), { type: 'clicked', requestId: 3, ok: true });
    const dom = { title: 'ECMP', headings: ['The idea'], lessonList: [{ id: 'ecmp', done: false }], section: 'the-idea' };
    assert.deepEqual(parseWebviewMessage({ type: 'dom', requestId: 1, dom }), { type: 'dom', requestId: 1, dom });
    assert.deepEqual(parseWebviewMessage({ type: 'fabricLink', seq: 4, link: 0 }), { type: 'fabricLink', seq: 4, link: 0 });
    const fabric = { heading: 'In your fabric: a.topology.yaml', groups: [{ title: 'Oversubscription ratios', note: 'One leaf.', figures: [{ label: 'leaf1', text: '4:1', link: 0 }, { label: 'North-south', text: '800G' }] }], tryIt: 1 };
    const saved = { lesson: 'ecmp', section: 'parallel-links', scrollY: 120 };
    assert.deepEqual(parseWebviewMessage({ type: 'dom', requestId: 2, dom: { ...dom, fabric, saved } }), { type: 'dom', requestId: 2, dom: { ...dom, fabric, saved } });
  });

  it('checks the state a restored panel starts from', () => {
    assert.deepEqual(parseSavedPanelState({ lesson: 'ecmp', section: 'parallel-links', scrollY: 10 }), { lesson: 'ecmp', section: 'parallel-links', scrollY: 10 });
    assert.deepEqual(parseSavedPanelState({ lesson: 'ecmp', section: '"><x', scrollY: -5 }), { lesson: 'ecmp' });
    for (const bad of [undefined, null, 'ecmp', { lesson: 'nope' }, { lesson: '__proto__' }, { scrollY: 3 }]) assert.equal(parseSavedPanelState(bad), undefined, JSON.stringify(bad));
  });

  it('drops extra fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'tryIt', lesson: 'ecmp', path: '/etc/passwd' }), { type: 'tryIt', lesson: 'ecmp' });
  });

  it('ignores unknown and malformed messages', () => {
    const bad: unknown[] = [
      undefined, null, 'getState', 42, [], {}, { type: 42 }, { type: 'eval', code: 'x' }, { type: '__proto__' },
      { type: 'openLesson' }, { type: 'openLesson', lesson: 'nope' }, { type: 'openLesson', lesson: 'ecmp', section: 'a b' },
      { type: 'openLesson', lesson: 'ecmp', section: '"><script>' }, { type: 'openLesson', lesson: ['ecmp'] },
      { type: 'setDone', lesson: 'ecmp' }, { type: 'setDone', lesson: 'ecmp', done: 'yes' }, { type: 'setDone', lesson: 'x', done: true },
      { type: 'tryIt', lesson: '../../etc/passwd' }, { type: 'tryIt', lesson: 'hasOwnProperty' },
      { type: 'dom', requestId: -1, dom: { title: '', headings: [], lessonList: [] } },
      { type: 'dom', requestId: 1.5, dom: { title: '', headings: [], lessonList: [] } },
      { type: 'dom', requestId: 1, dom: { title: 1, headings: [], lessonList: [] } },
      { type: 'dom', requestId: 1, dom: { title: '', headings: [1], lessonList: [] } },
      { type: 'dom', requestId: 1, dom: { title: '', headings: [], lessonList: [{ id: 'nope', done: true }] } },
      { type: 'dom', requestId: 1, dom: { title: 'x'.repeat(10_000), headings: [], lessonList: [] } },
      { type: 'clicked', requestId: '1', ok: true },
      { type: 'fabricLink', seq: 1 }, { type: 'fabricLink', seq: 1, link: -1 }, { type: 'fabricLink', seq: 1, link: 1.5 }, { type: 'fabricLink', seq: '1', link: 0 },
      { type: 'fabricLink', seq: 1, link: 1e9 },
      { type: 'dom', requestId: 1, dom: { title: '', headings: [], lessonList: [], fabric: { heading: 1, groups: [] } } },
      { type: 'dom', requestId: 1, dom: { title: '', headings: [], lessonList: [], fabric: { heading: '', groups: [{ title: 't', figures: [{ label: 'a', text: 'b', link: -2 }] }] } } },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });
});
