import type { Program } from '@handoff/contract';
import { GATES } from './constraint-options.js';

/** The phases, in ladder order (discovery → production): the same list the constraint forms offer as gates. */
export const PHASES: readonly Program['phase'][] = GATES;

/** Every risk class the API takes (after the EU AI Act). */
export const RISK_CLASSES = ['minimal', 'limited', 'high'] as const satisfies readonly Program['riskClass'][];

/** The phase before `phase` on the ladder, or null at discovery. */
export function previousPhase(phase: Program['phase']): Program['phase'] | null {
  const at = PHASES.indexOf(phase);
  return at > 0 ? PHASES[at - 1] ?? null : null;
}

/** A phase in words (`limited-rollout` → `limited rollout`). */
export function phaseLabel(phase: Program['phase']): string {
  return phase.replace(/-/g, ' ');
}
