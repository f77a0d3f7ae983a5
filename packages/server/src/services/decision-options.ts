import { StoredDecisionOption, type DecisionEffectInput } from '@handoff/contract';

/** One option of a decision as offered: its label and the effect taking it applies (null: none). */
export interface DecisionChoice {
  readonly label: string;
  readonly effect: DecisionEffectInput | null;
}

/**
 * Effects of the options core's draftBoardDecision writes, by the words each label starts with: accepting
 * the risk accepts the constraint; re-planning moves its deadline (the decider supplies the date).
 * Matched on wording, not position, so a reordered draft still maps; decisions.test.ts checks the words.
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
