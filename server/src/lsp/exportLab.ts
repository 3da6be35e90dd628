/** LSP glue for `topology/exportLab`: the cached lint result of the document in, the lab out. */
import type { LintResult } from '../core/lint';
import { exportLab } from '../core/interop/export/exportLab';
import { kindInfo } from '../core/interop/kinds';
import type { ExportLabParams, ExportLabResult } from '../../../shared/protocol';

export function exportLabAnswer(result: LintResult, params: ExportLabParams): ExportLabResult {
  if (params.format !== 'containerlab' && params.format !== 'netlab') return { error: `unknown lab format "${String(params.format)}"` };
  const kind = typeof params.kind === 'string' ? kindInfo(params.kind)?.kind : undefined;
  const servers = typeof params.servers === 'number' && Number.isSafeInteger(params.servers) ? Math.min(1000, Math.max(0, params.servers)) : 0;
  const name = decodeURIComponent(params.uri.replace(/[?#].*$/s, '').replace(/^.*\//, ''));
  const outcome = exportLab(result, params.format, { kind, servers, sourceName: name === '' ? undefined : name });
  return outcome.ok ? { text: outcome.text, warnings: outcome.warnings } : { error: outcome.error };
}
