/** Lesson progress in a Memento (client/src/lessonsPanel/progressStore.ts), with an in-memory fake. */
import { strict as assert } from 'assert';
import { PROGRESS_KEY, ProgressStore } from '../../../client/src/lessonsPanel/progressStore';
import type { MementoLike } from '../../../client/src/lessonsPanel/progressStore';

class MemoryMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

describe('client progress store', () => {
  it('marks lessons done and not done, and persists them', async () => {
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento);
    assert.deepEqual(store.doneIds(), []);
    await store.setDone('ecmp', true);
    await store.setDone('vm-exits', true);
    await store.setDone('ecmp', true);
    assert.deepEqual(store.doneIds(), ['ecmp', 'vm-exits']);
    assert.deepEqual(memento.get(PROGRESS_KEY), ['ecmp', 'vm-exits']);
    // A new store over the same memento (a reload) sees the same progress.
    const again = new ProgressStore(memento);
    assert.ok(again.isDone('ecmp'));
    await again.setDone('ecmp', false);
    assert.deepEqual(again.doneIds(), ['vm-exits']);
  });

  it('resets and notifies', async () => {
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento);
    let changes = 0;
    const sub = store.onDidChange(() => changes++);
    await store.setDone('ecmp', true);
    await store.setDone('ecmp', true); // no change, no event
    await store.reset();
    assert.deepEqual(store.doneIds(), []);
    assert.equal(changes, 2);
    sub.dispose();
    await store.setDone('ecmp', true);
    assert.equal(changes, 2);
  });

  it('reads stored junk leniently and rejects unknown lessons', async () => {
    const memento = new MemoryMemento();
    await memento.update(PROGRESS_KEY, ['ecmp', 42, 'nope', null, 'ecmp', { id: 'vm-exits' }]);
    const store = new ProgressStore(memento);
    assert.deepEqual(store.doneIds(), ['ecmp']);
    await memento.update(PROGRESS_KEY, 'ecmp');
    assert.deepEqual(store.doneIds(), []);
    await assert.rejects(store.setDone('nope', true), /unknown lesson/);
  });
});
