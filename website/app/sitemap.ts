import type { MetadataRoute } from 'next';

// Read per request: the site's address is a run-time setting, not a build-time one.
export const dynamic = 'force-dynamic';

const PUBLIC_PAGES = [
  '/',
  '/features',
  '/services',
  '/pricing',
  '/download',
  '/security',
  '/changelog',
];

export default function sitemap(): MetadataRoute.Sitemap {
  const site = process.env.FLOWDESK_SITE_URL ?? 'http://localhost:3000';
  return PUBLIC_PAGES.map((path) => ({ url: new URL(path, site).toString() }));
}
