// The sites with an extractor of their own, each read by its content script
// (entrypoints/<site>.content.ts), told apart by address alone: the capture script injected into
// other pages must recognise a site's page without carrying the site's extractor, or zod.
import { isLinkedInHost } from '../profile-url';
import { parseUrl } from '../text';
import { isGmailUrl } from './gmail';
import { isOutlookUrl } from './outlook';

export const SITE_NAMES = ['linkedin', 'gmail', 'outlook'] as const;
export type SiteName = (typeof SITE_NAMES)[number];

const ADDRESSES: Record<SiteName, (url: string) => boolean> = {
  linkedin: (url) => isLinkedInHost(parseUrl(url)?.hostname ?? ''),
  gmail: isGmailUrl,
  outlook: isOutlookUrl,
};

export const siteNameOf = (url: string): SiteName | undefined => SITE_NAMES.find((name) => ADDRESSES[name](url));
