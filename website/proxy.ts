import { clerkMiddleware } from '@clerk/nextjs/server';
import { NextResponse } from 'next/server';
import type { NextFetchEvent, NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy } from './src/http/content-security-policy';
import { clerkSettings } from './src/server/clerk-settings';

/**
 * Runs before every page (not the license API, webhooks or static files): gives the page a
 * fresh CSP nonce, and, when Clerk is configured, Clerk's middleware reads the session so the
 * account pages know who is signed in. With CLERK_JWT_KEY the session token is verified with
 * that key and no request to Clerk.
 */

const clerk = clerkSettings();

function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    ...(clerk ? { clerkFrontendApi: clerk.frontendApi, billing: clerk.billing } : {}),
    development: process.env.NODE_ENV === 'development',
  });
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

const withClerk = clerk
  ? clerkMiddleware((_auth, request) => withContentSecurityPolicy(request), {
      publishableKey: clerk.publishableKey,
      signInUrl: '/sign-in',
      signUpUrl: '/sign-up',
      ...(clerk.jwtKey ? { jwtKey: clerk.jwtKey } : {}),
      // Session tokens minted for another site are not accepted here.
      authorizedParties: [new URL(process.env.FLOWDESK_SITE_URL ?? 'http://localhost:3000').origin],
    })
  : undefined;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return withClerk ? withClerk(request, event) : withContentSecurityPolicy(request);
}

export const config = {
  matcher: [
    '/((?!_next/|api/|\\.well-known/|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$|[^?]*\\.(?:css|js|map|png|jpe?g|svg|ico|webp|woff2?|txt|xml)$).*)',
  ],
};
