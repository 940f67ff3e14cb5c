import { siHubspot, siIntercom, siZendesk } from 'simple-icons';
import { monogramIcon, simpleIcon } from '../icons';
import type { ServiceDefinition } from '../schema';
import { service } from './define';

export const BUSINESS_CRM_SERVICES: readonly ServiceDefinition[] = [
  service({
    id: 'salesforce',
    name: 'Salesforce',
    aliases: ['sfdc', 'sales cloud', 'salesforce lightning'],
    category: 'business-crm',
    // The login page sends each org on to its own <domain>.my.salesforce.com / lightning.force.com.
    url: 'https://login.salesforce.com/',
    domains: ['salesforce.com', 'force.com', 'sfdcstatic.com'],
    icon: monogramIcon('SF', '#00a1e0'),
    color: '#00a1e0',
  }),
  service({
    id: 'hubspot',
    name: 'HubSpot',
    aliases: ['hub spot'],
    category: 'business-crm',
    url: 'https://app.hubspot.com/',
    domains: ['hubspot.com'],
    signIn: ['google', 'microsoft', 'apple'],
    icon: simpleIcon(siHubspot),
    color: '#ff7a59',
  }),
  service({
    id: 'zendesk',
    name: 'Zendesk',
    aliases: ['zendesk support'],
    category: 'business-crm',
    url: null,
    domains: ['zendesk.com', 'zdassets.com'],
    signIn: ['google', 'microsoft'],
    tenant: {
      urlTemplate: 'https://{tenant}.zendesk.com/agent/',
      example: 'https://your-company.zendesk.com/agent/',
      label: 'Zendesk subdomain',
    },
    icon: simpleIcon(siZendesk),
    color: '#03363d',
  }),
  service({
    id: 'intercom',
    name: 'Intercom',
    category: 'business-crm',
    url: 'https://app.intercom.com/',
    domains: ['intercom.com', 'intercom.io'],
    signIn: ['google'],
    icon: simpleIcon(siIntercom),
    color: '#6afdef',
  }),
  service({
    id: 'pipedrive',
    name: 'Pipedrive',
    category: 'business-crm',
    url: 'https://app.pipedrive.com/',
    domains: ['pipedrive.com'],
    signIn: ['google'],
    icon: monogramIcon('P', '#017737'),
    color: '#017737',
  }),
];
