/** `topology/lessonFigures`: the lesson's figures of the open document (glue over core/lessons/lessonFigures). */
import type { LintResult } from '../core/lint';
import { lessonFigures } from '../core/lessons/lessonFigures';
import { isKnownLesson } from '../../../shared/lessons/catalog';
import type { LessonFiguresParams, LessonFiguresResult } from '../../../shared/protocol';

export function lessonFiguresAnswer(result: LintResult, params: LessonFiguresParams): LessonFiguresResult {
  return isKnownLesson(params.lesson) ? lessonFigures(result, params.lesson) : null;
}
