/**
 * "In your fabric": for a lesson, the figures of the open topology file where the lesson's idea
 * lives, one group per lesson section, computed from the cached lint result (no second parse). Pure.
 *
 *   modern-topology           link speeds, port use, the worst leaf ratio, east-west vs north-south
 *   spine-leaf-hierarchy      tier violations, the N-1 loss per spine
 *   three-tier-vs-spine-leaf  the N-1 loss per spine, five-stage pods and planes
 *   ecmp                      paths per leaf, unequal bandwidth to the spines
 *   virtualization lessons    the server groups' `virtualization:` fields
 *   topology-format           what the file holds
 */
import type { LintResult } from '../lint';
import { fabricTryIt } from '../../../../shared/lessonFigures';
import type { FigureGroup, LessonFigures } from '../../../../shared/lessonFigures';
import type { FigureContext } from './figures/figureHelpers';
import { balanceGroup, pathsGroup } from './figures/ecmpFigures';
import { spineLossGroup, superSpineGroup } from './figures/failureFigures';
import { fileGroup } from './figures/fileFigures';
import { northSouthGroup } from './figures/northSouthFigures';
import { oversubscriptionGroup } from './figures/oversubscriptionFigures';
import { portsGroup, speedsGroup } from './figures/portFigures';
import { tierGroup } from './figures/tierFigures';
import { virtualizationGroup } from './figures/virtualizationFigures';

type Plan = (ctx: FigureContext, tryIt: string | undefined) => FigureGroup[];

const PLANS = new Map<string, Plan>([
  ['modern-topology', (ctx, tryIt) => [speedsGroup(ctx), portsGroup(ctx, tryIt), oversubscriptionGroup(ctx, tryIt), northSouthGroup(ctx, 'examples/lessons/north-south.topology.yaml')]],
  ['spine-leaf-hierarchy', (ctx, tryIt) => [spineLossGroup(ctx, 'why-every-server-is-equidistant', tryIt), tierGroup(ctx, 'examples/lessons/tier-violation.topology.yaml')]],
  ['three-tier-vs-spine-leaf', (ctx, tryIt) => [spineLossGroup(ctx, 'spine-redundancy-and-n-1', tryIt), superSpineGroup(ctx, 'five-stage-clos-pods-and-planes')]],
  ['ecmp', (ctx, tryIt) => [pathsGroup(ctx, tryIt), balanceGroup(ctx, tryIt)]],
  ['ring0-problem', (ctx, tryIt) => [virtualizationGroup(ctx, 'the-core-challenge', tryIt)]],
  ['hardware-virtualization', (ctx, tryIt) => [virtualizationGroup(ctx, 'sr-iov-and-the-nic', tryIt)]],
  ['vm-exits', (ctx, tryIt) => [virtualizationGroup(ctx, 'the-six-step-exit-cycle', tryIt)]],
  ['topology-format', (ctx) => [fileGroup(ctx)]],
]);

/** The lessons that have figures (every lesson of the catalogue; a unit test keeps it so). */
export const LESSONS_WITH_FIGURES: readonly string[] = [...PLANS.keys()];

/** Why a file has no figures: it does not parse, is empty, or was too big to analyse. */
function unavailable(result: LintResult): string {
  if (result.parsed.errors.length > 0) return 'The file has YAML errors, so its fabric cannot be read yet: fix them (see the Problems panel) and its figures appear here.';
  if (result.parsed.root === undefined) return 'The file is empty: a topology needs `topology:` and `switches:` before it has figures.';
  return 'The fabric was not analysed (see the info finding at the top of the file), so it has no figures.';
}

export function lessonFigures(result: LintResult, lesson: string): LessonFigures {
  const plan = PLANS.get(lesson);
  if (plan === undefined) return { lesson, groups: [] };
  const model = result.analysis?.model;
  if (model === undefined) return { lesson, groups: [], note: unavailable(result) };
  return { lesson, groups: plan({ result, model }, fabricTryIt(lesson)) };
}
