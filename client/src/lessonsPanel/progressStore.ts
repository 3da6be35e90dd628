/** Lesson progress (done / not done) kept in a Memento (the extension's globalState). Pure: no vscode import. */
import { isKnownLesson } from '../../../shared/lessons/catalog';

/** The part of vscode.Memento the store uses (an in-memory fake in unit tests). */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const PROGRESS_KEY = 'topology.lessonProgress';

export class ProgressStore {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly memento: MementoLike) {}

  /** Done lesson ids, read leniently: anything but a list of known lesson ids is ignored. */
  doneIds(): string[] {
    const raw = this.memento.get<unknown>(PROGRESS_KEY);
    if (!Array.isArray(raw)) return [];
    return [...new Set(raw.filter(isKnownLesson))];
  }

  isDone(lesson: string): boolean {
    return this.doneIds().includes(lesson);
  }

  async setDone(lesson: string, done: boolean): Promise<void> {
    if (!isKnownLesson(lesson)) throw new Error(`unknown lesson: ${String(lesson)}`);
    const ids = new Set(this.doneIds());
    if (done === ids.has(lesson)) return;
    if (done) ids.add(lesson);
    else ids.delete(lesson);
    await this.memento.update(PROGRESS_KEY, [...ids].sort());
    this.fire();
  }

  async reset(): Promise<void> {
    await this.memento.update(PROGRESS_KEY, undefined);
    this.fire();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
