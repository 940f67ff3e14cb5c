import { siBox, siDropbox, siGoogledrive, siNextcloud } from 'simple-icons';
import { monogramIcon, simpleIcon } from '../icons';
import type { ServiceDefinition } from '../schema';
import { GOOGLE_DOMAINS, MICROSOFT_DOMAINS, service } from './define';

export const CLOUD_STORAGE_SERVICES: readonly ServiceDefinition[] = [
  service({
    id: 'google-drive',
    name: 'Google Drive',
    aliases: ['gdrive', 'drive'],
    category: 'cloud-storage',
    url: 'https://drive.google.com/drive/',
    domains: [...GOOGLE_DOMAINS],
    icon: simpleIcon(siGoogledrive),
    color: '#4285f4',
  }),
  service({
    id: 'onedrive',
    name: 'OneDrive',
    aliases: ['one drive', 'skydrive', 'microsoft onedrive'],
    category: 'cloud-storage',
    // Personal accounts; work accounts are sent on to <tenant>-my.sharepoint.com.
    url: 'https://onedrive.live.com/',
    domains: [...MICROSOFT_DOMAINS, 'onedrive.com', '1drv.ms'],
    signIn: ['microsoft'],
    icon: monogramIcon('OD', '#0078d4'),
    color: '#0078d4',
  }),
  service({
    id: 'dropbox',
    name: 'Dropbox',
    category: 'cloud-storage',
    url: 'https://www.dropbox.com/home',
    domains: ['dropbox.com', 'dropboxusercontent.com'],
    signIn: ['google', 'apple'],
    icon: simpleIcon(siDropbox),
    color: '#0061ff',
  }),
  service({
    id: 'box',
    name: 'Box',
    category: 'cloud-storage',
    url: 'https://app.box.com/',
    domains: ['box.com', 'boxcdn.net'],
    signIn: ['google'],
    icon: simpleIcon(siBox),
    color: '#0061d5',
  }),
  service({
    id: 'sharepoint',
    name: 'SharePoint',
    aliases: ['share point', 'microsoft sharepoint', 'intranet'],
    category: 'cloud-storage',
    url: null,
    domains: [...MICROSOFT_DOMAINS],
    signIn: ['microsoft'],
    tenant: {
      urlTemplate: 'https://{tenant}.sharepoint.com/',
      example: 'https://your-company.sharepoint.com/',
      label: 'Microsoft 365 organisation name',
    },
    // SharePoint Server runs on the organisation's own network.
    selfHosted: {
      baseUrl: 'optional',
      example: 'https://sharepoint.example.com',
      allowHttpOnPrivateNetwork: true,
    },
    icon: monogramIcon('SP', '#038387'),
    color: '#038387',
  }),
  service({
    id: 'nextcloud',
    name: 'Nextcloud',
    aliases: ['next cloud', 'owncloud'],
    category: 'cloud-storage',
    url: null,
    domains: [],
    selfHosted: {
      baseUrl: 'required',
      example: 'https://cloud.example.com',
      allowHttpOnPrivateNetwork: true,
    },
    icon: simpleIcon(siNextcloud),
    color: '#0082c9',
  }),
];
