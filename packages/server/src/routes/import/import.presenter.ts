import type { ImportResult } from '@handoff/contract';
import type { ImportSummary } from '../../services/import.service.js';

/** Maps an import's summary to its API shape. */
export function presentImport(summary: ImportSummary): ImportResult {
  return {
    programKey: summary.programKey,
    dryRun: summary.dryRun,
    imported: summary.refs.length,
    refs: [...summary.refs],
    firstRef: summary.refs[0] ?? null,
    lastRef: summary.refs.at(-1) ?? null,
    headerLine: summary.headerLine,
    columns: summary.columns.map((c) => ({ column: c.header, field: c.field })),
    ignoredColumns: [...summary.ignoredColumns],
    blankLines: summary.blankLines,
    changeId: summary.changeId,
  };
}
