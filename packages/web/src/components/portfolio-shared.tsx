import type { PortfolioBrief } from '@handoff/contract';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { ConstraintLink } from './constraint-link.js';

/** Constraints on the dependency path of several programs, called out above the table with the programs each blocks. */
export function SharedConstraints({ constraints }: { constraints: PortfolioBrief['sharedConstraints'] }) {
  if (constraints.length === 0) return null;
  return (
    <section aria-labelledby="shared-heading" className="callout">
      <h2 id="shared-heading">Shared constraints</h2>
      <ul>
        {constraints.map((c) => (
          <li key={c.id}>
            <ConstraintLink constraintRef={c.ref} /> {c.title} (due {c.deadline}, {c.status.replace('_', ' ')}) — blocks {c.blocks.length} programs:{' '}
            {c.blocks.map((key, i) => (
              <Fragment key={key}>
                {i > 0 && ', '}
                {/* Named "KEY program page" so the table's own link keeps the program key as its exact name. */}
                <Link to={`/programs/${encodeURIComponent(key)}`}>{key}<span className="visually-hidden"> program page</span></Link>
              </Fragment>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
