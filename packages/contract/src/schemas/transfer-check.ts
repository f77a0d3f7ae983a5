/** A cross-reference problem of a transfer document, at its JSON path. */
export interface TransferIssue {
  path: (string | number)[];
  message: string;
}

/** Collects the issues of one document; the checks of every section share it. */
export interface TransferCheck {
  readonly issues: TransferIssue[];
  add(path: TransferIssue['path'], message: string): void;
  /**
   * Reports each item whose key (null: not keyed) repeats an earlier item's, at `[list, index, field]`,
   * and returns the keys seen.
   */
  unique<T>(list: string, items: readonly T[], field: string, keyOf: (item: T) => string | null): Set<string>;
  /** Reports `id` (null: no reference) at `path` unless it is among `known`. */
  refer(known: ReadonlySet<string>, what: string, path: TransferIssue['path'], id: string | null): void;
}

export function transferCheck(): TransferCheck {
  const issues: TransferIssue[] = [];
  const add: TransferCheck['add'] = (path, message) => { issues.push({ path, message }); };
  return {
    issues,
    add,
    unique(list, items, field, keyOf) {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = keyOf(item);
        if (key === null) return;
        if (seen.has(key)) add([list, i, field], `duplicate ${field} ${key}`);
        seen.add(key);
      });
      return seen;
    },
    refer(known, what, path, id) {
      if (id !== null && !known.has(id)) add(path, `no ${what} ${id} in the document`);
    },
  };
}
