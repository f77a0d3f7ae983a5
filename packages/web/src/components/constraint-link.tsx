import { Link } from 'react-router';

/** A constraint's ref linking to it in the constraint library. */
export function ConstraintLink({ constraintRef }: { constraintRef: string }) {
  return <Link to={`/constraints?selected=${encodeURIComponent(constraintRef)}`}>{constraintRef}</Link>;
}
