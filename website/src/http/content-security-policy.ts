/**
 * The Content Security Policy of the site's pages: scripts only with this response's nonce
 * ('strict-dynamic' lets those load what they need, such as Clerk's script), nothing framed,
 * no plugins, forms post only here. Clerk's hosts are allowed only when accounts are configured.
 * Styles keep 'unsafe-inline': Clerk's components style themselves at run time.
 */

const CLOUDFLARE_CHALLENGES = 'https://challenges.cloudflare.com';
const CLERK_IMAGES = 'https://img.clerk.com';
/** Clerk Billing's checkout takes card details in Stripe's frames. */
const STRIPE = {
  script: 'https://js.stripe.com',
  frames: ['https://js.stripe.com', 'https://hooks.stripe.com'],
  api: 'https://api.stripe.com',
};

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function pageContentSecurityPolicy(options: {
  nonce: string;
  clerkFrontendApi?: string;
  billing?: boolean;
  development?: boolean;
}): string {
  const clerk = options.clerkFrontendApi ? `https://${options.clerkFrontendApi}` : undefined;
  const stripe = clerk && options.billing;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      // React's development build evaluates code for its error overlay.
      ...(options.development ? ["'unsafe-eval'"] : []),
      ...(clerk ? [clerk, CLOUDFLARE_CHALLENGES] : []),
      ...(stripe ? [STRIPE.script] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...(clerk ? [CLERK_IMAGES] : [])],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(clerk ? [clerk] : []), ...(stripe ? [STRIPE.api] : [])],
    'worker-src': ["'self'", ...(clerk ? ['blob:'] : [])],
    'frame-src': clerk ? [CLOUDFLARE_CHALLENGES, ...(stripe ? STRIPE.frames : [])] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The API's JSON answers load nothing and are never framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
