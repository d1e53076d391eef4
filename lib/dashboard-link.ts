// Where the dashboard shows one contact. The hash route is the dashboard's contract.

export function contactUrl(contactId: string): string {
  return `${browser.runtime.getURL('/dashboard.html')}#/contact/${encodeURIComponent(contactId)}`;
}

export async function openContact(contactId: string): Promise<void> {
  await browser.tabs.create({ url: contactUrl(contactId) });
}
