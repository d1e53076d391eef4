// Synthetic notebooks for the benchmarks, written straight into the extension's IndexedDB in
// one transaction: seeding 100,000 people through the app's own writes would take longer than
// everything measured. Records have the shape lib/model.ts parses to (the app never sees
// anything it would not have written itself), and reminders carry `openAt` as lib/db.ts stores it.
//
// `seedNotebook` runs inside the service worker through `worker.evaluate`, so it is
// self-contained: no imports, no helpers from outside its body.

export type SeedRange = {
  /** Index of the first person; people are numbered so that seeding can grow a notebook. */
  from: number;
  count: number;
  now: number;
  /** Every person whose index is a multiple of this has a reminder due now. */
  dueEvery: number;
  /** The person (by index) saved with this profile URL, for the popup's saved card. */
  profile?: { index: number; url: string };
};

/**
 * Person `i`'s id: shaped as Kith's own (a random UUID), so its first character is spread over
 * the sixteen as theirs are, which is how whole stores are read in pieces (db.ts allOf). Until
 * 21:40 on 2026-11-25 every seeded id began `bench-`, one piece.
 */
export function seededId(i: number): string {
  return `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

export async function seedNotebook(range: SeedRange): Promise<{ contacts: number; interactions: number; reminders: number }> {
  const first = ['Ada', 'Bo', 'Cleo', 'Dev', 'Priya', 'Farah', 'Gus', 'Hiroshi', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Mina', 'Noor', 'Omar', 'Rosa'];
  const last = ['Quinlan', 'Lind', 'Park', 'Okafor', 'Muller', 'Haddad', 'Novak', 'Sato', 'Garcia', 'Berg', 'Reyes', 'Natarajan', 'Mbeki', 'Duarte'];
  const companies = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent', 'Northwind', 'Fabrikam', 'Contoso', 'Tailspin'];
  const titles = ['Software Engineer', 'Product Manager', 'Recruiter', 'Designer', 'Data Scientist', 'Engineering Manager', 'Founder', 'Sales Lead'];
  const relationships = ['colleague', 'friend', 'education', 'client', 'business-associate', 'professional-body', 'other'];
  const channels = ['email', 'meeting', 'call', 'message'];
  const DAY = 86_400_000;

  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('kith');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const interactions = tx.objectStore('interactions');
  const reminders = tx.objectStore('reminders');
  let written = 0;
  let remindersWritten = 0;
  for (let i = range.from; i < range.from + range.count; i++) {
    // seededId(i), written out: this function runs in the worker, without its module.
    const id = `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const firstName = first[i % first.length];
    const lastName = last[Math.floor(i / first.length) % last.length];
    const company = companies[(i * 7) % companies.length];
    const createdAt = range.now - 400 * DAY + (i % 400) * DAY;
    // Within the default 90-day cadence, so no keep-in-touch reminder is due yet.
    const lastInteractionAt = range.now - ((i * 13) % 80) * DAY;
    const contact: Record<string, unknown> = {
      id,
      name: `${firstName} ${lastName} ${i}`,
      title: titles[i % titles.length],
      company,
      location: i % 5 === 0 ? 'Berlin' : i % 5 === 1 ? 'London' : '',
      emails: [`${firstName}.${lastName}${i}@${company.toLowerCase().replace(/\s+/g, '')}.example`.toLowerCase()],
      phones: [],
      addresses: [],
      relationship: relationships[i % relationships.length],
      orgRoles: i % 11 === 0 ? ['advice'] : [],
      warmth: i % 4 === 0 ? 'warm' : 'cold',
      canHelpWith: i % 6 === 0 ? ['referrals'] : [],
      tags: i % 9 === 0 ? ['conference'] : [],
      notes: i % 3 === 0 ? `Met at the ${company} meetup; follow up about ${titles[(i + 3) % titles.length]} roles.` : '',
      sources: [{ kind: 'manual', at: createdAt }],
      history: [],
      notSameAs: [],
      createdAt,
      updatedAt: createdAt,
      lastInteractionAt,
    };
    if (range.profile?.index === i) contact.profileUrl = range.profile.url;
    contacts.put(contact);
    for (let k = 0; k < 2; k++) {
      interactions.put({
        id: `${id}-i${k}`,
        contactId: id,
        at: lastInteractionAt - k * 30 * DAY,
        channel: channels[(i + k) % channels.length],
        summary: k === 0 ? `Talked about ${company}'s hiring plans` : 'Intro call',
        received: k === 0 ? ['information'] : [],
        gave: [],
      });
    }
    // The keep-in-touch reminder exactly where lib/reminders.ts puts it (the start of the local
    // day 90 days after the last interaction), so the worker's own resync leaves it alone.
    const keepInTouch = new Date(lastInteractionAt);
    keepInTouch.setHours(0, 0, 0, 0);
    keepInTouch.setDate(keepInTouch.getDate() + 90);
    const keepInTouchAt = keepInTouch.getTime();
    remindersWritten += 1;
    reminders.put({ id: `${id}-k`, contactId: id, kind: 'keep-in-touch', dueAt: keepInTouchAt, note: '', createdAt, openAt: keepInTouchAt });
    if (i % range.dueEvery === 0) {
      const dueAt = range.now - DAY;
      remindersWritten += 1;
      reminders.put({ id: `${id}-f`, contactId: id, kind: 'follow-up', dueAt, note: 'Send the deck', createdAt, openAt: dueAt });
    }
    written++;
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
  return { contacts: written, interactions: written * 2, reminders: remindersWritten };
}
