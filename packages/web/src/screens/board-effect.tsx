import type { Constraint, Decision, DecisionEffect, DecisionEffectInput } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';

/** Links a constraint an effect names: the decision's own by its ref, another one by the ref the API gives for its id. */
export function EffectConstraint({ id, decision }: { id: string | undefined; decision: Decision }) {
  const own = id === undefined || id === decision.constraintId || id === decision.constraintRef;
  const other = useApi<Constraint>(own ? null : `/api/constraints/${encodeURIComponent(id)}`);
  const ref = own ? decision.constraintRef : other.state === 'ready' ? other.data.ref : id;
  if (!ref) return <>the decision's constraint</>;
  return <Link to={`/constraints?selected=${encodeURIComponent(ref)}`}>{ref}</Link>;
}

/** What taking an option would do, in words (the option's effect as requested; the decider may have to give the date). */
export function OptionEffect({ effect, decision }: { effect: DecisionEffectInput | null; decision: Decision }) {
  if (!effect || effect.kind === 'none') return null;
  switch (effect.kind) {
    case 'move-deadline':
      return <span className="muted"> — moves the deadline of <EffectConstraint id={effect.constraintId} decision={decision} />{effect.to ? ` to ${effect.to}` : ' (the decider gives the new date)'}</span>;
    case 'accept-constraint':
      return <span className="muted"> — accepts <EffectConstraint id={effect.constraintId} decision={decision} /></span>;
    case 'phase-override':
      return <span className="muted"> — moves {decision.programKey} to {effect.to}</span>;
  }
}

/** What taking the decision changed, as the API recorded it (values before and after). */
export function AppliedEffect({ effect, decision }: { effect: DecisionEffect | null; decision: Decision }) {
  if (!effect) return <>It changed nothing in the portfolio.</>;
  switch (effect.kind) {
    case 'move-deadline':
      return <>The deadline of <EffectConstraint id={effect.constraintId} decision={decision} /> moved from {effect.from} to {effect.to}.</>;
    case 'accept-constraint':
      return <><EffectConstraint id={effect.constraintId} decision={decision} /> was accepted (it was {effect.from.replace(/_/g, ' ')}).</>;
    case 'phase-override':
      return <>{decision.programKey} moved from {effect.from} to {effect.to}{effect.gateOverridden ? ', overriding the closed gate (the override is recorded)' : ''}.</>;
  }
}

/** The move-deadline effect of an option that leaves the date to the decider, if it is one. */
export function needsDate(effect: DecisionEffectInput | null | undefined): boolean {
  return effect?.kind === 'move-deadline' && effect.to === undefined;
}
