import { StoredDecisionOption, type DecisionEffectInput } from '@handoff/contract';
import type { DraftOption } from '@handoff/core';

/** One option of a decision as offered: its label and the effect taking it applies (null: none). */
export interface DecisionChoice {
  readonly label: string;
  readonly effect: DecisionEffectInput | null;
}

/**
 * Decisions raised by escalation before drafts carried their effects (December 2026) stored plain labels;
 * their effects are inferred from the words each label starts with, as core's draftBoardDecision wrote them:
 * accepting the risk accepts the constraint; re-planning moves its deadline (the decider supplies the date).
 * New decisions store each option with its effect (`storedOptions`), so wording no longer matters for them.
 */
const ESCALATION_OPTION_EFFECTS: readonly (readonly [string, DecisionEffectInput])[] = [
  ['Accept the risk', { kind: 'accept-constraint' }],
  ['Re-plan', { kind: 'move-deadline' }],
];

function inferred(label: string, source: 'escalation' | 'manual', constraintId: string | null): DecisionEffectInput | null {
  if (source !== 'escalation' || constraintId === null) return null;
  return ESCALATION_OPTION_EFFECTS.find(([prefix]) => label.startsWith(prefix))?.[1] ?? null;
}

/**
 * The options of a stored decision (jsonb: plain labels, or labels with effects), in order. A value that is
 * neither is skipped rather than failing the read: the column predates the effect and was never typed.
 */
export function choicesOf(row: { options: unknown; source: 'escalation' | 'manual'; constraint_id: string | null }): DecisionChoice[] {
  const raw: unknown[] = Array.isArray(row.options) ? row.options : [];
  return raw.flatMap((value) => {
    const parsed = StoredDecisionOption.safeParse(value);
    if (!parsed.success) return [];
    const option = parsed.data;
    if (typeof option === 'string') return [{ label: option, effect: inferred(option, row.source, row.constraint_id) }];
    return [{ label: option.label, effect: option.effect ?? null }];
  });
}

/** The options of a drafted decision as stored: each label with the effect taking it applies (none: label only). */
export function storedOptions(options: readonly DraftOption[]): StoredDecisionOption[] {
  return options.map((o) => (o.effect === null ? { label: o.label } : { label: o.label, effect: { kind: o.effect } }));
}
