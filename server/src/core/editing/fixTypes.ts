/**
 * What a rule's fix module produces: drafts — edits not yet proved. The quick-fix layer
 * (quickFixes.ts) turns a draft into text edits, proves them by re-linting the edited text
 * (fixProof.ts) and offers only the drafts that pass.
 */
import type { Finding } from '../findings';
import type { LintResult } from '../lint';
import type { FabricModel } from '../model/fabricModel';
import type { OffsetEdit } from './edits';
import type { NewLink } from './layout';

export interface FixDraft {
  title: string;
  isPreferred?: boolean;
  /** Edits in place: non-overlapping, on the result's text. */
  edits: OffsetEdit[];
  /** New `links` entries: appended in the file's style, together with other drafts' in fix-all. */
  newLinks?: NewLink[];
}

export interface FixContext {
  result: LintResult;
  model: FabricModel;
}

/** A rule's fixes: a module beside the rule (rules/<rule>Fixes.ts). */
export interface RuleFixes {
  id: string;
  /** Drafts for one finding of this rule, best first. Pure; the caller proves them. */
  drafts(ctx: FixContext, finding: Finding): FixDraft[];
  /** Whether the preferred draft is safe to apply with the other findings' in source.fixAll. */
  fixAll: boolean;
}
