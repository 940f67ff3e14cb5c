import * as simpleIcons from 'simple-icons';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { FlowDeskError } from '../core';
import { CATEGORIES, CATEGORY_IDS } from './categories';
import {
  CUSTOM_SERVICE_ID,
  SERVICE_CATALOG,
  getServiceDefinition,
  requireServiceDefinition,
} from './catalog';
import { serviceDefinitionSchema } from './schema';
import type { ServiceDefinition } from './schema';
import { SIGN_IN_PROVIDERS } from './sign-in';

const entries = SERVICE_CATALOG.map((entry) => [entry.id, entry] as const);
const predefined = SERVICE_CATALOG.filter((entry) => entry.id !== CUSTOM_SERVICE_ID);
const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const registrable = (host: string) => parse(host, { allowPrivateDomains: true }).domain;

function byName(name: string): ServiceDefinition {
  const entry = SERVICE_CATALOG.find(
    (candidate) =>
      key(candidate.name) === key(name) ||
      candidate.aliases.some((alias) => key(alias) === key(name)),
  );
  if (!entry) throw new Error(`${name} is not in the catalog`);
  return entry;
}

describe('SERVICE_CATALOG entries', () => {
  it.each(entries)('%s matches the schema', (_id, entry) => {
    const parsed = serviceDefinitionSchema.safeParse(entry);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('has unique kebab-case ids and unique names', () => {
    const ids = SERVICE_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const names = SERVICE_CATALOG.map((entry) => key(entry.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('has no alias that is another entry’s name', () => {
    const names = new Map(SERVICE_CATALOG.map((entry) => [key(entry.name), entry.id]));
    for (const entry of SERVICE_CATALOG) {
      for (const alias of entry.aliases) {
        const owner = names.get(key(alias));
        expect(owner === undefined || owner === entry.id, `${entry.id}: ${alias}`).toBe(true);
      }
    }
  });

  it('is large enough: ≥ 75 predefined services, ≥ 78 with a web UI, plus the custom template', () => {
    expect(predefined.length).toBeGreaterThanOrEqual(75);
    expect(
      predefined.filter((entry) => entry.availability === 'web').length,
    ).toBeGreaterThanOrEqual(78);
    expect(SERVICE_CATALOG.at(-1)?.id).toBe(CUSTOM_SERVICE_ID);
  });

  it('files every service under one of the nine categories, each category used', () => {
    expect(CATEGORIES.map((category) => category.id)).toEqual([...CATEGORY_IDS]);
    for (const category of CATEGORY_IDS) {
      expect(
        predefined.some((entry) => entry.category === category),
        category,
      ).toBe(true);
    }
  });

  it('lists services grouped by category in CATEGORIES order', () => {
    const order = predefined.map((entry) => CATEGORY_IDS.indexOf(entry.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each(entries)('%s: its default URL is https and inside its own domains', (_id, entry) => {
    if (entry.url === null) {
      const userGivesAddress = entry.tenant !== undefined || entry.selfHosted !== false;
      expect(userGivesAddress || entry.availability !== 'web').toBe(true);
      return;
    }
    const url = new URL(entry.url);
    expect(url.protocol).toBe('https:');
    expect(url.username + url.password).toBe('');
    expect(entry.domains).toContain(registrable(url.hostname));
  });

  it.each(entries.filter(([, entry]) => entry.tenant !== undefined))(
    '%s: its tenant example fits the template and its domains',
    (_id, entry) => {
      const tenant = entry.tenant!;
      const [prefix = '', suffix = ''] = tenant.urlTemplate.split('{tenant}');
      expect(tenant.example.startsWith(prefix)).toBe(true);
      expect(tenant.example.endsWith(suffix)).toBe(true);
      expect(entry.domains).toContain(registrable(new URL(tenant.example).hostname));
    },
  );

  it.each(entries)(
    '%s: its domains are registrable domains, never public suffixes',
    (_id, entry) => {
      expect(new Set(entry.domains).size).toBe(entry.domains.length);
      for (const domain of entry.domains) {
        expect(registrable(domain)).toBe(domain);
        expect(parse(domain).domain).toBe(domain);
      }
    },
  );

  it.each(entries)('%s: stores its brand colour as lower-case #rrggbb', (_id, entry) => {
    expect(entry.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(entries)('%s: names only known sign-in providers', (_id, entry) => {
    for (const provider of entry.signIn) expect(SIGN_IN_PROVIDERS[provider]).toBeDefined();
    expect(new Set(entry.signIn).size).toBe(entry.signIn.length);
  });
});

describe('icons from simple-icons', () => {
  const exported = simpleIcons as unknown as Record<string, simpleIcons.SimpleIcon | undefined>;
  const iconOf = (slug: string) => exported[`si${slug[0]!.toUpperCase()}${slug.slice(1)}`];

  it.each(entries.filter(([, entry]) => entry.icon.kind === 'simple-icons'))(
    '%s: stores the real path and colour of its simple-icons brand',
    (_id, entry) => {
      if (entry.icon.kind !== 'simple-icons') return;
      const icon = iconOf(entry.icon.slug);
      expect(icon?.path).toBe(entry.icon.svgPath);
      expect(`#${icon?.hex}`.toLowerCase()).toBe(entry.icon.hex.toLowerCase());
    },
  );

  it('uses a monogram only for brands simple-icons does not have', () => {
    const titles = new Set(Object.values(exported).map((icon) => key(icon?.title ?? '')));
    const monograms = SERVICE_CATALOG.filter((entry) => entry.icon.kind === 'monogram');
    for (const entry of monograms) {
      expect(titles.has(key(entry.name)), `${entry.name} exists in simple-icons`).toBe(false);
    }
    // Brands removed from simple-icons for trademark reasons.
    for (const name of ['Slack', 'Microsoft Teams', 'OneDrive', 'LinkedIn', 'Salesforce']) {
      expect(byName(name).icon.kind).toBe('monogram');
    }
  });
});

describe('the specification’s services', () => {
  const seed = [
    ...['Slack', 'Discord', 'Microsoft Teams', 'Zoom', 'Google Meet', 'Telegram Web'],
    ...['WhatsApp Web', 'Asana', 'Trello', 'Monday.com', 'ClickUp', 'Linear', 'Basecamp'],
    ...['Height', 'GitHub', 'GitLab', 'Bitbucket', 'Jira', 'Confluence', 'Jenkins', 'Notion'],
    ...['Obsidian', 'Evernote', 'OneNote', 'Google Docs', 'Google Sheets', 'Google Slides'],
    ...['Office 365', 'Figma', 'Canva', 'Adobe Creative Cloud', 'Sketch', 'Miro'],
    ...['Salesforce', 'HubSpot', 'Zendesk', 'Intercom', 'Pipedrive', 'Google Drive'],
    ...['OneDrive', 'Dropbox', 'Box', 'Google Analytics', 'Mixpanel', 'Amplitude'],
    ...['Stripe Dashboard', 'QuickBooks', 'Xero', 'Buffer', 'Hootsuite', 'Todoist', 'Logseq'],
    ...['SharePoint', 'Airtable', 'Calendly', 'Loom', 'Typeform', 'Mailchimp', 'Webflow'],
    ...['Framer', 'Vercel Dashboard', 'Netlify', 'Railway', 'Supabase', 'PlanetScale'],
  ];

  it('keeps each of the 65 seed names as a name or alias of a distinct entry', () => {
    expect(new Set(seed).size).toBe(65);
    expect(new Set(seed.map((name) => byName(name).id)).size).toBe(65);
  });

  it('files the seed’s "additional" services under a real category', () => {
    expect(byName('Todoist').category).toBe('productivity');
    expect(byName('Vercel Dashboard').category).toBe('development');
    expect(byName('Mailchimp').category).toBe('social-marketing');
    expect(byName('SharePoint').category).toBe('cloud-storage');
    expect(byName('Webflow').category).toBe('design');
  });

  it('has what Ferdium and Rambox users expect', () => {
    for (const name of ['Gmail', 'Google Calendar', 'Outlook', 'Messenger', 'LinkedIn']) {
      expect(byName(name).availability).toBe('web');
    }
    for (const name of ['Mattermost', 'Rocket.Chat', 'Element', 'ChatGPT', 'Nextcloud']) {
      expect(byName(name).availability).toBe('web');
    }
  });

  it('says what exists on the web for services without a web app', () => {
    expect(byName('Height')).toMatchObject({ availability: 'discontinued', url: null });
    expect(byName('Height').note).toMatch(/2025/);
    expect(byName('Obsidian')).toMatchObject({ availability: 'no-web-ui', url: null });
    expect(byName('Obsidian').note).toMatch(/Publish/);
    expect(byName('Logseq').note).toMatch(/demo\.logseq\.com/);
    expect(byName('Sketch').availability).toBe('web');
  });

  it('marks per-user and self-hosted addresses', () => {
    expect(byName('Jenkins')).toMatchObject({
      url: null,
      selfHosted: { baseUrl: 'required', allowHttpOnPrivateNetwork: true },
    });
    expect(byName('Jira').url).toBeNull();
    expect(byName('Jira').tenant?.urlTemplate).toBe('https://{tenant}.atlassian.net/jira/');
    expect(byName('Confluence').tenant?.urlTemplate).toContain('.atlassian.net/wiki/');
    expect(byName('GitLab')).toMatchObject({
      url: 'https://gitlab.com/',
      selfHosted: { baseUrl: 'optional', example: 'https://gitlab.example.com' },
    });
  });

  it('asks for a plain Chrome user agent only where a site insists on it', () => {
    expect(byName('WhatsApp Web').userAgent).toBe('plain-chrome');
    expect(byName('Slack').userAgent).toBe('default');
  });
});

describe('looking up services', () => {
  it('finds an entry by id and nothing for unknown or non-string ids', () => {
    expect(getServiceDefinition('slack')?.name).toBe('Slack');
    expect(getServiceDefinition(CUSTOM_SERVICE_ID)?.name).toBe('Custom Service');
    expect(getServiceDefinition('no-such-service')).toBeUndefined();
    expect(getServiceDefinition('__proto__')).toBeUndefined();
    expect(getServiceDefinition(42)).toBeUndefined();
    expect(getServiceDefinition(undefined)).toBeUndefined();
  });

  it('requireServiceDefinition returns the entry or throws CATALOG_UNKNOWN_SERVICE', () => {
    expect(requireServiceDefinition('notion').id).toBe('notion');
    expect(() => requireServiceDefinition('skype')).toThrow(FlowDeskError);
    try {
      requireServiceDefinition('skype');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CATALOG_UNKNOWN_SERVICE' });
      expect((error as FlowDeskError).message).toContain('"skype"');
      expect((error as FlowDeskError).message).toMatch(/custom service/);
    }
    expect(() => requireServiceDefinition({})).toThrow(/"object"/);
    expect(() => requireServiceDefinition('x'.repeat(500))).toThrow(/"x{80}"/);
  });

  it('is deeply frozen, so no view can change what others see', () => {
    const slack = requireServiceDefinition('slack');
    expect(Object.isFrozen(SERVICE_CATALOG)).toBe(true);
    expect(Object.isFrozen(slack)).toBe(true);
    expect(Object.isFrozen(slack.domains)).toBe(true);
    expect(Object.isFrozen(slack.icon)).toBe(true);
    expect(() => {
      (slack as { name: string }).name = 'Evil';
    }).toThrow(TypeError);
  });
});
