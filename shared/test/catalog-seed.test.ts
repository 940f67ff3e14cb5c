import { describe, expect, it } from 'vitest';
import {
  CUSTOM_SERVICE_ID,
  SERVICE_CATALOG,
  navigationScopeFor,
  type ServiceDefinition,
} from '../src/catalog';
import { decideNavigation, isOriginInScope, validateServiceUrl } from '../src/security';

/**
 * Every service the specification names, by its group in the specification's architecture
 * diagram. Written out here, independently of the catalog, so a missing or renamed entry fails.
 */
const SEED_SERVICES: Record<string, readonly string[]> = {
  Communication: [
    'Slack',
    'Discord',
    'Microsoft Teams',
    'Zoom',
    'Google Meet',
    'Telegram Web',
    'WhatsApp Web',
  ],
  'Project Management': [
    'Asana',
    'Trello',
    'Monday.com',
    'ClickUp',
    'Linear',
    'Basecamp',
    'Height',
  ],
  Development: ['GitHub', 'GitLab', 'Bitbucket', 'Jira', 'Confluence', 'Jenkins'],
  Productivity: [
    'Notion',
    'Obsidian',
    'Evernote',
    'OneNote',
    'Google Docs',
    'Google Sheets',
    'Google Slides',
    'Office 365',
  ],
  'Design & Creative': ['Figma', 'Canva', 'Adobe Creative Cloud', 'Sketch', 'Miro'],
  'Business & CRM': ['Salesforce', 'HubSpot', 'Zendesk', 'Intercom', 'Pipedrive'],
  'Cloud Storage': ['Google Drive', 'OneDrive', 'Dropbox', 'Box'],
  'Analytics & Finance': [
    'Google Analytics',
    'Mixpanel',
    'Amplitude',
    'Stripe Dashboard',
    'QuickBooks',
    'Xero',
  ],
  'Social Media & Marketing': ['Buffer', 'Hootsuite'],
  'Additional Popular Services': [
    'Todoist',
    'Logseq',
    'SharePoint',
    'Airtable',
    'Calendly',
    'Loom',
    'Typeform',
    'Mailchimp',
    'Webflow',
    'Framer',
    'Vercel Dashboard',
    'Netlify',
    'Railway',
    'Supabase',
    'PlanetScale',
  ],
};

/** What Ferdium and Rambox users expect that the specification leaves out (issue 2). */
const EXPECTED_EXTRAS = [
  'Gmail',
  'Google Calendar',
  'Outlook',
  'Messenger',
  'LinkedIn',
  'Mattermost',
  'Rocket.Chat',
  'Element',
  'ChatGPT',
];

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function findByNameOrAlias(name: string): ServiceDefinition | undefined {
  const wanted = normalise(name);
  return SERVICE_CATALOG.find(
    (entry) =>
      normalise(entry.name) === wanted ||
      entry.aliases.some((alias) => normalise(alias) === wanted),
  );
}

const seedNames = Object.values(SEED_SERVICES).flat();

describe('the catalog covers the specification', () => {
  it('lists the 65 services of the specification diagram', () => {
    expect(seedNames).toHaveLength(65);
    expect(new Set(seedNames).size).toBe(65);
  });

  it.each(seedNames)('has %s', (name) => {
    expect(findByNameOrAlias(name), `${name} is missing from the catalog`).toBeDefined();
  });

  it.each(EXPECTED_EXTRAS)('has %s, which users of other apps expect', (name) => {
    expect(findByNameOrAlias(name), `${name} is missing from the catalog`).toBeDefined();
  });

  it('maps every specification service to a distinct entry', () => {
    const ids = seedNames.map((name) => findByNameOrAlias(name)?.id);
    expect(new Set(ids).size).toBe(seedNames.length);
  });

  it('has at least 75 predefined services plus the custom template', () => {
    const predefined = SERVICE_CATALOG.filter((entry) => entry.id !== CUSTOM_SERVICE_ID);
    expect(predefined.length).toBeGreaterThanOrEqual(75);
    expect(SERVICE_CATALOG.some((entry) => entry.id === CUSTOM_SERVICE_ID)).toBe(true);
  });

  it('has unique ids', () => {
    const ids = SERVICE_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('catalog entries obey the security rules', () => {
  const withDefaultUrl = SERVICE_CATALOG.filter(
    (entry): entry is ServiceDefinition & { url: string } => entry.url !== null,
  );

  it('has a default URL for most services', () => {
    expect(withDefaultUrl.length).toBeGreaterThanOrEqual(60);
  });

  it.each(withDefaultUrl.map((entry) => [entry.id, entry] as const))(
    '%s: its default URL passes validateServiceUrl unchanged in scheme and host',
    (_id, entry) => {
      const result = validateServiceUrl(entry.url);
      expect(result.valid, JSON.stringify(result.errors)).toBe(true);
      if (!result.valid) return;
      const accepted = new URL(result.value);
      expect(accepted.protocol).toBe('https:');
      expect(accepted.host).toBe(new URL(entry.url).host);
    },
  );

  it.each(withDefaultUrl.map((entry) => [entry.id, entry] as const))(
    '%s: its default URL stays inside its own navigation scope',
    (_id, entry) => {
      const scope = navigationScopeFor(entry, entry.url);
      expect(isOriginInScope(entry.url, scope)).toBe(true);
      expect(decideNavigation(entry.url, scope).action).toBe('allow');
    },
  );

  it('sends a look-alike host of a service to the system browser, not into its view', () => {
    const github = findByNameOrAlias('GitHub')!;
    const scope = navigationScopeFor(github, github.url ?? undefined);
    const decision = decideNavigation('https://github.com.attacker.example/login', scope);
    expect(decision.action).toBe('open-external');
  });
});
