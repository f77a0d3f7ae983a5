import { daysBetween } from './calendar.js';

/** The four readiness dimensions in the order a board pack shows them. */
export const BOARD_PACK_DIMENSIONS = ['technical', 'governance', 'workforce', 'economic'] as const;

/** One pending board decision as the pack lists it. */
export interface BoardPackDecision {
  readonly title: string;
  readonly programKey: string;
  readonly constraintRef: string | null;
  readonly context: string;
  readonly options: readonly string[];
  readonly recommendation: string;
  /** Calendar date (YYYY-MM-DD) by which the board must decide. */
  readonly dueDate: string;
}

/** A readiness dimension: score 0–100 and whether its criteria are met. */
export interface BoardPackDimension { readonly score: number; readonly met: boolean }

/** One program's brief as the pack shows it. */
export interface BoardPackProgram {
  readonly key: string;
  readonly name: string;
  readonly phase: string;
  readonly sponsorName: string | null;
  readonly targetProductionDate: string | null;
  readonly ownership: 'executive-ownership' | 'visibility-only';
  /** The four answers in question order. */
  readonly answers: readonly { readonly question: string; readonly status: 'answered' | 'missing'; readonly text: string }[];
  /** Per dimension for the next gate; null when never assessed. */
  readonly readiness: Readonly<Record<(typeof BOARD_PACK_DIMENSIONS)[number], BoardPackDimension>> | null;
  /** Production forecast (calendar dates); null without a plan. */
  readonly forecast: { readonly p50: string; readonly p80: string; readonly p95: string; readonly onTargetProbability: number | null } | null;
  readonly diagnosis: { readonly healthy: boolean; readonly summary: string };
}

/** An active constraint on the dependency path of two or more programs. */
export interface BoardPackShared { readonly ref: string; readonly title: string; readonly deadline: string; readonly blocks: readonly string[] }

/** Everything a board pack shows, already gathered: programs in portfolio (risk) order, decisions by due date. */
export interface BoardPack {
  /** The pack's date (YYYY-MM-DD): the board meeting; decisions due before it are overdue. */
  readonly date: string;
  readonly decisions: readonly BoardPackDecision[];
  readonly programs: readonly BoardPackProgram[];
  readonly sharedConstraints: readonly BoardPackShared[];
}

/** The cover counts of a pack: programs, pending decisions (and how many are overdue), programs with executive ownership. */
export function boardPackCounts(pack: BoardPack): { programs: number; decisions: number; overdue: number; executiveOwnership: number } {
  return {
    programs: pack.programs.length,
    decisions: pack.decisions.length,
    overdue: pack.decisions.filter((d) => d.dueDate < pack.date).length,
    executiveOwnership: pack.programs.filter((p) => p.ownership === 'executive-ownership').length,
  };
}

/** One line of text: newlines folded to spaces, so user text cannot break the Markdown structure. */
function line(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A table cell: one line with pipes escaped. */
function cell(s: string): string {
  return line(s).replace(/\|/g, '\\|');
}

/** A forecast date against the target: "2027-03-01 (12 days late)" style, in whole days. */
function againstTarget(date: string, target: string | null): string {
  if (target === null) return date;
  const days = daysBetween(target, date);
  return days > 0 ? `${date} (${days} d late)` : `${date} (on target)`;
}

function decisionSection(pack: BoardPack): string[] {
  const out = ['## Decisions for the board', ''];
  if (pack.decisions.length === 0) return [...out, 'No decision is pending.', ''];
  pack.decisions.forEach((d, i) => {
    const about = d.constraintRef ? `${d.programKey}, constraint ${d.constraintRef}` : d.programKey;
    const overdue = d.dueDate < pack.date ? ' (overdue)' : '';
    out.push(`### ${i + 1}. ${line(d.title)}`, '', `- Program: ${about}`, `- Decide by: ${d.dueDate}${overdue}`, `- Recommended: ${line(d.recommendation)}`, '');
    if (d.context.trim() !== '') out.push(line(d.context), '');
    if (d.options.length > 0) out.push('Options:', '', ...d.options.map((o, n) => `${n + 1}. ${line(o)}`), '');
  });
  return out;
}

function programSection(p: BoardPackProgram): string[] {
  const out = [`## ${p.key}: ${line(p.name)}`, ''];
  out.push(`Phase ${p.phase} · sponsor ${p.sponsorName ?? '(none)'} · target production ${p.targetProductionDate ?? '(none)'} · ${p.ownership === 'executive-ownership' ? 'executive ownership' : 'visibility only'}`, '');
  p.answers.forEach((a, i) => out.push(`${i + 1}. **${line(a.question)}** ${a.status === 'missing' ? '_Missing:_ ' : ''}${line(a.text)}`));
  out.push('');
  if (p.readiness === null) out.push('Readiness: never assessed.', '');
  else {
    const r = p.readiness;
    out.push('| dimension | score | met |', '|---|---:|---|', ...BOARD_PACK_DIMENSIONS.map((d) => `| ${d} | ${r[d].score} | ${r[d].met ? 'yes' : 'no'} |`), '');
  }
  if (p.forecast === null) out.push('Forecast: none (no plan).', '');
  else {
    const f = p.forecast;
    const prob = f.onTargetProbability === null ? '' : ` · on-target probability ${Math.round(f.onTargetProbability * 100)}%`;
    out.push(`Forecast of production: P50 ${againstTarget(f.p50, p.targetProductionDate)} · P80 ${againstTarget(f.p80, p.targetProductionDate)} · P95 ${againstTarget(f.p95, p.targetProductionDate)}${prob}`, '');
  }
  out.push(`Diagnosis: ${p.diagnosis.healthy ? 'healthy. ' : ''}${line(p.diagnosis.summary)}`, '');
  return out;
}

/** The board pack as Markdown: cover counts, pending decisions first, the portfolio summary, shared constraints, then one section per program. */
export function boardPackMarkdown(pack: BoardPack): string {
  const c = boardPackCounts(pack);
  const out = [`# Board pack ${pack.date}`, ''];
  out.push(`${c.programs} programs · ${c.decisions} pending decisions (${c.overdue} overdue) · ${c.executiveOwnership} of ${c.programs} with executive ownership`, '');
  out.push(...decisionSection(pack));
  out.push('## Portfolio', '');
  if (pack.programs.length === 0) out.push('No programs.', '');
  else {
    out.push('| program | phase | ownership | P80 production | target |', '|---|---|---|---|---|');
    for (const p of pack.programs) {
      out.push(`| ${p.key} ${cell(p.name)} | ${p.phase} | ${p.ownership} | ${p.forecast?.p80 ?? '-'} | ${p.targetProductionDate ?? '-'} |`);
    }
    out.push('');
  }
  if (pack.sharedConstraints.length > 0) {
    out.push('## Shared constraints', '', ...pack.sharedConstraints.map((s) => `- ${s.ref} ${line(s.title)} (deadline ${s.deadline}) blocks ${s.blocks.join(', ')}`), '');
  }
  for (const p of pack.programs) out.push(...programSection(p));
  return `${out.join('\n').trimEnd()}\n`;
}
