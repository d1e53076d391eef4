// What the user typed into a form survives the record under it changing (another form on the
// page saved, a merge, an undo): only fields the user left alone take the record's new values.

const sameField = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `edited` was made from `base`; the record now reads as `next`. Each field the user changed
 * keeps their text; every other field follows the record.
 */
export function keepEdits<T extends object>(edited: T, base: T, next: T): T {
  const result = { ...next };
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!sameField(edited[key], base[key])) result[key] = edited[key];
  }
  return result;
}
