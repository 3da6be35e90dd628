/**
 * Quick fixes and fix-all, as text edits on the original text. Each rule's fix module (beside the
 * rule: rules/<rule>Fixes.ts) drafts its fixes from the cached lint result; this layer turns every
 * draft into edits and offers it only after the fix proof (fixProof.ts): the edited text is linted
 * again, and the fix must add no error and remove its own finding. Every finding also gets
 * "Disable <rule> for this line" (proved the same way) and "Open lesson: <title>".
 */
import type { Finding } from '../findings';
import type { LintResult } from '../lint';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import { ruleInfo } from '../rules/catalog';
import { RULE_FIXES } from '../rules/ruleFixes';
import { linksByPair, mergeEdits, pairKey } from '../rules/duplicateLinkFixes';
import { subjectLink } from '../rules/fixSubjects';
import { overlaps, type OffsetEdit } from './edits';
import { proveEdits } from './fixProof';
import type { FixDraft } from './fixTypes';
import { appendLinks, type NewLink } from './layout';
import { OPEN_LESSON_COMMAND } from '../../../../shared/commands';

export interface CoreCommand {
  title: string;
  command: string;
  arguments: unknown[];
}

export interface CodeFix {
  title: string;
  kind: 'quickfix';
  isPreferred?: boolean;
  edits?: OffsetEdit[];
  command?: CoreCommand;
  /** The finding the fix is for. */
  finding: Finding;
}

/** Where a fix module's failure goes: the server logs it, the CLI prints it; never dropped silently. */
export type FixErrorReporter = (context: string, error: unknown) => void;

/** Rules whose preferred fixes are safe to apply all at once (source.fixAll). */
export const FIX_ALL_RULES: readonly string[] = [...RULE_FIXES.values()].filter((f) => f.fixAll).map((f) => f.id);

/** New links without repeats (two drafts adding the same pair add it once). */
function uniqueLinks(links: readonly NewLink[]): NewLink[] {
  const seen = new Set<string>();
  const out: NewLink[] = [];
  for (const link of links) {
    const key = JSON.stringify([link.a, link.b]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
}

/** A set of drafts as one edit list: their in-place edits and one append for all their new links. */
function materialize(result: LintResult, model: FabricModel, drafts: readonly FixDraft[]): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  const links: NewLink[] = [];
  // Loops, not push(...list): a draft may add a link from each of tens of thousands of leaves.
  for (const draft of drafts) {
    for (const edit of draft.edits) edits.push(edit);
    for (const link of draft.newLinks ?? []) links.push(link);
  }
  if (links.length > 0) {
    const append = appendLinks(result.parsed.root, result.lines, model, uniqueLinks(links));
    if (append === undefined) return undefined;
    edits.push(append);
  }
  return edits.length === 0 || overlaps(edits) ? undefined : edits;
}

function report(reporter: FixErrorReporter | undefined, context: string, error: unknown): void {
  if (reporter !== undefined) reporter(context, error);
  else throw error;
}

/** The rule's drafts for a finding; a fix module that throws is reported and offers nothing. */
function draftsFor(result: LintResult, model: FabricModel, finding: Finding, reporter: FixErrorReporter | undefined): FixDraft[] {
  const module = RULE_FIXES.get(finding.rule);
  if (module === undefined) return [];
  try {
    return module.drafts({ result, model }, finding);
  } catch (error) {
    report(reporter, `Quick fixes of ${finding.rule}`, error);
    return [];
  }
}

const NEXT_LINE_DIRECTIVE = /^([ \t]*#[ \t]*topology-disable-next-line[ \t]+[A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*)/;

export function disableEdit(result: LintResult, finding: Finding): OffsetEdit {
  const lines = result.lines;
  const line = Math.min(finding.range.start.line, lines.lineCount - 1);
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const match = NEXT_LINE_DIRECTIVE.exec(above);
    if (match !== null) {
      const at = lines.lineStartOffset(line - 1) + match[1].length;
      return { start: at, end: at, newText: `, ${finding.rule}` };
    }
  }
  const indent = /^ */.exec(lines.lineText(line))![0];
  const at = lines.lineStartOffset(line);
  const nl = result.text.includes('\r\n') ? '\r\n' : '\n';
  return { start: at, end: at, newText: `${indent}# topology-disable-next-line ${finding.rule}${nl}` };
}

function commonFixes(result: LintResult, finding: Finding): CodeFix[] {
  const fixes: CodeFix[] = [];
  const disable = [disableEdit(result, finding)];
  // A comment line cannot go everywhere (inside a block scalar, say): it is proved like any fix.
  if (proveEdits(result, disable, [finding]).ok) fixes.push({ title: `Disable ${finding.rule} for this line`, kind: 'quickfix', edits: disable, finding });
  const learn = ruleInfo(finding.rule)?.learn;
  if (learn !== undefined) {
    fixes.push({
      title: `Open lesson: ${learn.title}`,
      kind: 'quickfix',
      command: { title: `Open lesson: ${learn.title}`, command: OPEN_LESSON_COMMAND, arguments: [{ lesson: learn.lesson, section: learn.anchor }] },
      finding,
    });
  }
  return fixes;
}

/**
 * The fixes for one finding of `result`: the rule's own proved fixes first, then disable and lesson.
 * Without a reporter, a fix module that throws makes this throw (tests); with one, it is reported.
 */
export function fixesFor(result: LintResult, finding: Finding, reporter?: FixErrorReporter): CodeFix[] {
  const out: CodeFix[] = [];
  const model = result.analysis?.model;
  if (model !== undefined) {
    let preferred = false;
    for (const draft of draftsFor(result, model, finding, reporter)) {
      const edits = materialize(result, model, [draft]);
      if (edits === undefined || !proveEdits(result, edits, [finding]).ok) continue;
      const fix: CodeFix = { title: draft.title, kind: 'quickfix', edits, finding };
      // One preferred fix at most: the first draft marked so that passes its proof.
      if (draft.isPreferred === true && !preferred) fix.isPreferred = preferred = true;
      out.push(fix);
    }
  }
  out.push(...commonFixes(result, finding));
  return out;
}

export interface FixAllResult {
  edits: OffsetEdit[];
  /** The findings the edits fix. */
  fixed: Finding[];
}

interface Candidate {
  drafts: FixDraft[];
  findings: Finding[];
}

/** Proofs (re-lints of the whole file) fix-all may spend finding which candidates break the file together. */
const FIX_ALL_PROOF_BUDGET = 24;

/**
 * The candidates whose in-place edits overlap no earlier candidate's, in O(n log n): one sort of
 * every edit finds the conflicting pairs, the earlier candidate wins; another sweep of what is kept
 * catches a conflict an earlier one could not see (rare: three edits over one span).
 */
function withoutOverlaps(list: readonly Candidate[]): Candidate[] {
  const edits: { edit: OffsetEdit; owner: number }[] = [];
  list.forEach((c, owner) => {
    for (const d of c.drafts) for (const edit of d.edits) edits.push({ edit, owner });
  });
  edits.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const rejected = new Set<number>();
  const clash = (a: OffsetEdit, b: OffsetEdit): boolean => b.start < a.end || (b.start === a.start && a.start === a.end && b.start === b.end);
  // Sweeps until one rejects nothing: each compares an edit with the one reaching furthest before it.
  for (let changed = true; changed; ) {
    changed = false;
    let reach: { edit: OffsetEdit; owner: number } | undefined;
    for (const e of edits) {
      if (rejected.has(e.owner)) continue;
      if (reach !== undefined && reach.owner !== e.owner && clash(reach.edit, e.edit)) {
        rejected.add(Math.max(reach.owner, e.owner));
        changed = true;
        if (reach.owner > e.owner) reach = e;
        continue;
      }
      if (reach === undefined || e.edit.end > reach.edit.end) reach = e;
    }
  }
  return list.filter((_, i) => !rejected.has(i));
}

/** The preferred fix of every fix-all finding, one candidate per fix (duplicates of a pair merged in one). */
function candidates(result: LintResult, model: FabricModel, reporter: FixErrorReporter | undefined): Candidate[] {
  const out: Candidate[] = [];
  const fixable = new Set(FIX_ALL_RULES);
  const duplicates = new Map<string, { first: FabricLink | undefined; later: FabricLink[]; findings: Finding[] }>();
  for (const finding of result.findings) {
    if (!fixable.has(finding.rule)) continue;
    if (finding.rule === 'duplicate-link') {
      const link = subjectLink(model, finding);
      const key = link === undefined ? undefined : pairKey(link);
      if (link === undefined || key === undefined) continue;
      let entry = duplicates.get(key);
      if (entry === undefined) {
        entry = { first: linksByPair(model).get(key)?.[0], later: [], findings: [] };
        duplicates.set(key, entry);
      }
      if (link !== entry.first) {
        entry.later.push(link);
        entry.findings.push(finding);
      }
      continue;
    }
    const preferred = draftsFor(result, model, finding, reporter).find((d) => d.isPreferred === true);
    if (preferred !== undefined) out.push({ drafts: [preferred], findings: [finding] });
  }
  for (const { first, later, findings } of duplicates.values()) {
    if (first === undefined || later.length === 0) continue;
    const edits = mergeEdits(result.lines, model, first, later);
    if (edits !== undefined) out.push({ drafts: [{ title: 'merge', edits }], findings });
  }
  return out;
}

/**
 * The safe fixes of the whole file in one set of non-overlapping edits, proved together: if the
 * whole set would add an error or leave a finding, it is split and each half tried on top of what
 * was already accepted, so one bad fix does not block the others (within a proof budget).
 */
export function fixAll(result: LintResult, reporter?: FixErrorReporter): FixAllResult {
  const model = result.analysis?.model;
  if (model === undefined) return { edits: [], fixed: [] };
  // In-place edits of two candidates must not overlap: the first one wins, run fix-all again for the rest.
  const chosen = withoutOverlaps(candidates(result, model, reporter));
  let budget = FIX_ALL_PROOF_BUDGET;
  const passes = (set: readonly Candidate[]): OffsetEdit[] | undefined => {
    budget--;
    const edits = materialize(result, model, set.flatMap((c) => c.drafts));
    if (edits === undefined) return undefined;
    return proveEdits(result, edits, set.flatMap((c) => c.findings)).ok ? edits : undefined;
  };
  const solve = (accepted: Candidate[], rest: Candidate[]): Candidate[] => {
    if (rest.length === 0 || budget <= 0) return accepted;
    if (passes([...accepted, ...rest]) !== undefined) return [...accepted, ...rest];
    if (rest.length === 1) return accepted;
    const mid = rest.length >> 1;
    return solve(solve(accepted, rest.slice(0, mid)), rest.slice(mid));
  };
  const accepted = solve([], chosen);
  if (accepted.length === 0) return { edits: [], fixed: [] };
  const edits = materialize(result, model, accepted.flatMap((c) => c.drafts)) ?? [];
  return { edits, fixed: accepted.flatMap((c) => c.findings) };
}
