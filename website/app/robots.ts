import type { MetadataRoute } from 'next';

// Read per request: the site's address is a run-time setting, not a build-time one.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const site = process.env.FLOWDESK_SITE_URL ?? 'http://localhost:3000';
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/dashboard', '/activate'] },
    sitemap: new URL('/sitemap.xml', site).toString(),
  };
}
