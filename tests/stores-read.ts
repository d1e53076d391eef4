// Which object stores a piece of work reads whole (`getAll`): what a test of "this does not read
// the whole notebook" asserts, since a time limit cannot tell at the sizes tests hold.
import { vi } from 'vitest';

/** The stores `getAll` was called on while `work` ran, in order. */
export async function storesReadBy(work: () => Promise<unknown>): Promise<string[]> {
  const read: string[] = [];
  const original = IDBObjectStore.prototype.getAll;
  const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
    read.push(this.name);
    return original.apply(this, args);
  });
  try {
    await work();
  } finally {
    getAll.mockRestore();
  }
  return read;
}
