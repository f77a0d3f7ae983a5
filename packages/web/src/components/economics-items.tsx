import type { CostItem } from '@handoff/contract';
import { TableScroll } from './table-scroll.js';
import { SCOPES, oneOf, type Side } from './economics-words.js';

/** When an item falls due, in words: "one-off in month 0", "monthly from month 3 to 24". */
function when(item: CostItem): string {
  if (item.recurrence === 'one-off') return `one-off in month ${item.startMonth}`;
  return `${item.recurrence} from month ${item.startMonth}${item.endMonth === null ? '' : ` to ${item.endMonth}`}`;
}

/**
 * The active items the figures come from, a table per scope (pilot, production), costs then benefits, each by
 * category in the API's order; amounts exactly as the API answered them. Edit and retire only when `canEdit`.
 */
export function EconomicsItems({ items, categories, canEdit, onEdit, onRetire }: {
  items: readonly CostItem[]; categories: Readonly<Record<Side, readonly string[]>>; canEdit: boolean;
  onEdit: (item: CostItem) => void; onRetire: (item: CostItem) => void;
}) {
  const rank = (i: CostItem) => (i.side === 'cost' ? 0 : 100) + Math.max(0, categories[i.side].indexOf(i.category));
  return (
    <>
      {Object.keys(SCOPES).filter((s) => oneOf(SCOPES, s)).map((scope) => {
        const rows = items.filter((i) => i.scope === scope).sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
        return (
          <TableScroll key={scope} label={`${SCOPES[scope]} items`}>
            <table className="grid items">
              <caption>{scope === 'pilot' ? 'Pilot' : 'Production'} items ({rows.length})</caption>
              <thead>
                <tr><th scope="col">Item</th><th scope="col">Side</th><th scope="col">Category</th><th scope="col">Amount</th><th scope="col">Falls due</th>{canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr>
              </thead>
              <tbody>
                {rows.length === 0 && <tr><td colSpan={canEdit ? 6 : 5} className="muted">No {scope} items.</td></tr>}
                {rows.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.label}</th><td>{i.side}</td><td>{i.category}</td><td className="money">{i.amount} {i.currency}</td><td>{when(i)}</td>
                    {canEdit && (
                      <td className="row-actions">
                        <button type="button" className="link" onClick={() => onEdit(i)}>Edit<span className="visually-hidden"> {i.label}</span></button>
                        <button type="button" className="link" onClick={() => onRetire(i)}>Retire<span className="visually-hidden"> {i.label}</span></button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        );
      })}
    </>
  );
}
