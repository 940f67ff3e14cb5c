/**
 * The changelog the site shows, newest first. Each release adds an entry here with the tag it
 * is published under (scripts/build, issue 9); until then the work lands under "Unreleased".
 */

export interface ChangelogEntry {
  version: string;
  /** ISO date of the release; null while unreleased. */
  date: string | null;
  changes: { kind: 'added' | 'changed' | 'fixed' | 'security'; text: string }[];
}

export const CHANGELOG: ChangelogEntry[] = [
  {
    version: 'Unreleased',
    date: null,
    changes: [
      {
        kind: 'added',
        text: 'Workspaces of isolated service views with a catalog of 75+ services, custom services, unread counts and a quick switcher (Ctrl+K).',
      },
      { kind: 'added', text: 'Hibernation of idle services and a memory limit per workspace.' },
      {
        kind: 'added',
        text: 'Settings: theme, notifications with do-not-disturb, downloads, spelling, proxies per service, an app lock.',
      },
      {
        kind: 'added',
        text: 'Encrypted backups, incremental and scheduled, that can carry sign-ins; restore with a safety snapshot; export and import of workspaces.',
      },
      {
        kind: 'added',
        text: 'Accounts on this site, device sign-in by code, and signed license tokens verified offline by the apps.',
      },
      {
        kind: 'security',
        text: 'Every service page is sandboxed, with permission prompts per service and navigation limited to the service’s own sites.',
      },
    ],
  },
];
