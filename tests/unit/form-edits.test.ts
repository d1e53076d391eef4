import { describe, expect, it } from 'vitest';
import { editedOnBothSides, keepEdits } from '@/lib/form-edits';

describe('keepEdits', () => {
  const base = { name: 'Ada', notes: '', tags: ['a'], referredBy: { id: 'x', name: 'X' } as { id: string; name: string } | undefined };

  it('keeps what the user changed and takes the record’s new values for the rest', () => {
    const edited = { ...base, notes: 'typed, not saved' };
    const next = { ...base, name: 'Ada Quinlan', tags: ['a', 'b'] };
    expect(keepEdits(edited, base, next)).toEqual({ name: 'Ada Quinlan', notes: 'typed, not saved', tags: ['a', 'b'], referredBy: { id: 'x', name: 'X' } });
  });

  it('compares lists and objects by value, and keeps a field the user cleared', () => {
    const edited = { ...base, tags: ['a'], referredBy: undefined };
    const next = { ...base, tags: ['a', 'c'], referredBy: { id: 'y', name: 'Y' } };
    expect(keepEdits(edited, base, next)).toEqual({ ...base, tags: ['a', 'c'], referredBy: undefined });
  });

  it('takes the record whole when nothing was edited', () => {
    const next = { name: 'B', notes: 'saved elsewhere', tags: [], referredBy: undefined };
    expect(keepEdits({ ...base }, base, next)).toEqual(next);
  });
});

describe('editedOnBothSides', () => {
  const base = { name: 'Ada', notes: 'old', tags: ['a'] };

  it('names the fields typed here and saved elsewhere to something else: a save would replace them', () => {
    const edited = { ...base, name: 'Ada Q', notes: 'typed here' };
    expect(editedOnBothSides(edited, base, { ...base, notes: 'saved there', tags: ['b'] })).toEqual(['notes']);
    // The same text saved in both places replaces nothing.
    expect(editedOnBothSides(edited, base, { ...base, notes: 'typed here' })).toEqual([]);
    expect(editedOnBothSides(base, base, { ...base, notes: 'saved there' })).toEqual([]);
  });
});
