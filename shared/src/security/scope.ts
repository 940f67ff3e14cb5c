/**
 * Where one service may navigate inside its own view. Built from the catalog entry (or, for a
 * custom or self-hosted service, from the URL the user entered) and consumed by the navigation
 * and popup decisions in this folder. Everything outside the scope opens in the system browser
 * or is blocked.
 */
export interface NavigationScope {
  /**
   * Registrable domains (eTLD+1, lower-case, punycode) whose hosts, at any subdomain depth,
   * belong to the service, e.g. `['slack.com', 'slack-edge.com']`.
   */
  serviceDomains: readonly string[];
  /**
   * Exact origins that belong to the service although their registrable domain is not in
   * `serviceDomains`: a self-hosted instance (`https://gitlab.corp.example`), an IP address or a
   * loopback/private host with a port (`http://192.168.1.20:8080`).
   */
  serviceOrigins: readonly string[];
  /** Exact origins of the sign-in providers the service uses, e.g. `https://accounts.google.com`. */
  signInOrigins: readonly string[];
}
