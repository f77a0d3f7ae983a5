import { createRoute, z } from '@hono/zod-openapi';
import { ImportEvent, ImportQuery, ImportResult, MAX_IMPORT_ERRORS, MAX_IMPORT_ROWS, NDJSON } from '../schemas/import.js';
import { problems } from '../schemas/problem.js';
import { IdParams, json } from './shared.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = z.string().openapi({ format: 'binary' });
/**
 * Typed with a plain string key on purpose: the route typings read any `application/…json…` media type
 * as JSON and would forbid the streamed Response the handler returns for it.
 */
const reportOrProgress: Record<string, { schema: typeof ImportResult | typeof ImportEvent }> = {
  'application/json': { schema: ImportResult },
  [NDJSON]: { schema: ImportEvent },
};

export const importConstraints = createRoute({
  method: 'post',
  path: '/api/programs/{id}/constraints:import',
  tags: ['Constraints'],
  summary: "Import a RAID log or risk register (CSV or XLSX) into a program's constraint library",
  description: [
    'The body is the file itself (CSV or XLSX, up to 64 MiB, at most ' + `${MAX_IMPORT_ROWS.toLocaleString('en')} rows; the format is recognised from its bytes). ` +
      '**All or nothing**: one bad row and nothing is stored; 422 lists every bad line (`errors[].path` is `line 7`, the spreadsheet row as a person sees it; ' +
      `at most ${MAX_IMPORT_ERRORS} listed, \`detail\` gives the count). Good files are stored in one transaction with consecutive refs and a history entry per constraint.`,
    '',
    '**Header**: the first row (below any banner rows) that has a title column. Recognised names (case, spaces and punctuation ignored): ' +
      'title — Title, Summary, Name, Risk, Issue; description — Description, Details, Notes, Comments; kind — Type, Kind, Category, RAID type; ' +
      'dimension — Dimension, Area, Workstream, Stream; owner — Owner email, Owner, Assigned to, Assignee, Risk owner; ' +
      'deadline — Deadline, Due date, Due, Target date, Target resolution date; status — Status, State; ' +
      'severity — Severity, Priority, Impact, Rating, RAG; gate — Gate, Blocks gate, Phase. Anything else with `map`. ' +
      'title, owner and deadline need a column; kind and dimension need a column or a `default`.',
    '',
    '**Values** (case, spaces, punctuation ignored): kind — Risk/R/Assumption/A → risk, Issue/I/Problem → blocker, Dependency/D → dependency. ' +
      'status — Open/New/To do/Not started → open; In progress/WIP/Ongoing/Mitigating → in_progress; Closed/Done/Complete/Mitigated/Cancelled → resolved; ' +
      'Accepted/Tolerated → accepted; empty → open. severity — Critical/Very high/P0/P1/Sev1 → critical; High/H/Major/P2/Red → high; ' +
      'Medium/M/Moderate/P3/Amber → medium; Low/L/Minor/P4/P5/Green → low; empty → medium; bare numbers are refused (scales run both ways). ' +
      'dimension — Tech/Data/Security/Infrastructure → technical; Compliance/Legal/Regulatory/Privacy → governance; People/Adoption/Change/Training → workforce; ' +
      'Finance/Cost/Budget/ROI → economic. gate — phase names, Go live/Prod → production, Rollout/Beta → limited-rollout; empty → the program\'s next gate.',
    '',
    '**Owners** are matched by e-mail (any letter case; `Name <address>` works) among the people of the workspace; an unknown owner is a bad row. ' +
      '**Deadlines**: 2026-12-31, 31/12/2026, 12/31/2026, 31.12.2026, 31/12/26, 31-Dec-2026, 31 Dec 2026, Dec 31 2026, XLSX date cells and serial numbers; ' +
      'a time of day is ignored; `dateOrder` settles 03/04/2026 (default day-first); impossible dates (31/02/2026) are bad rows.',
    '',
    `**Progress**: send \`Accept: ${NDJSON}\` to receive one JSON object per line — \`{"phase":"validating","done":n,"total":N}\` … then a final ` +
      '`{"result":…}` or `{"problem":…}` (the status is then 200 whatever the outcome; errors found before the stream starts, such as a bad query, still answer with their status).',
  ].join('\n'),
  request: {
    params: IdParams,
    query: ImportQuery,
    body: {
      required: true,
      content: {
        'text/csv': { schema: file },
        [XLSX]: { schema: file },
        'application/octet-stream': { schema: file },
      },
    },
  },
  responses: {
    201: json(ImportResult, 'Imported: every row stored.'),
    200: {
      description: `A dry run's report (application/json), or the progress stream (${NDJSON}) when asked for with Accept.`,
      content: reportOrProgress,
    },
    ...problems(400, 404, 413, 415, 422),
  },
});
