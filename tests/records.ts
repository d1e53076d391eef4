// Writing records straight into a test notebook: validated by the model's schemas, as every
// write of Kith's is, but without what the app's own saves bring along (dedupe, reminders).
import { type KithDB, putInteractionIn, validate } from '@/lib/db';
import { Contact, type ContactInput, Interaction, type InteractionInput } from '@/lib/model';

export async function putContact(db: KithDB, input: ContactInput): Promise<Contact> {
  const contact = validate(Contact, 'contact', input);
  await db.put('contacts', contact);
  return contact;
}

/** An interaction, its contact's last-interaction time kept in step as the app keeps it. */
export async function putInteraction(db: KithDB, input: InteractionInput): Promise<Interaction> {
  const interaction = validate(Interaction, 'interaction', input);
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
  await putInteractionIn(tx, interaction);
  await tx.done;
  return interaction;
}
