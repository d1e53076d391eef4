// What the user typed into a form survives the record under it changing (another form on the
// page saved, a merge, an undo, a save in another tab): only fields the user left alone take the
// record's new values, and a save writes only the fields the user changed.

/** Two values of a field as data: lists of records too. */
export const sameField = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields of `edited` that differ from `base`, the form as it was before the user typed. */
export function editedFields<T extends object>(edited: T, base: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!sameField(edited[key], base[key])) changed[key] = edited[key];
  }
  return changed;
}

/**
 * `edited` was made from `base`; the record now reads as `next`. Each field the user changed
 * keeps their text; every other field follows the record.
 */
export function keepEdits<T extends object>(edited: T, base: T, next: T): T {
  return { ...next, ...editedFields(edited, base) };
}

/**
 * The fields typed into (`edited` differs from `base`) that were also saved elsewhere since, to
 * another value than typed (`next` differs from both): saving the form would replace those.
 */
export function editedOnBothSides<T extends object>(edited: T, base: T, next: T): (keyof T)[] {
  return (Object.keys(edited) as (keyof T)[]).filter(
    (key) => !sameField(edited[key], base[key]) && !sameField(next[key], base[key]) && !sameField(edited[key], next[key]),
  );
}
