/**
 * Every string the app UI shows, in one place so it can be translated. Functions take the
 * values a sentence needs; nothing here builds HTML.
 */
export const strings = {
  workspacesLabel: 'Workspaces',
  servicesLabel: 'Services',
  newWorkspace: 'New workspace',
  workspaceName: 'Workspace name',
  workspaceNamePlaceholder: 'Name',
  noWorkspace: 'Create a workspace to start: the + button on the left.',
  noService: 'Add a service to this workspace, then pick it on the left.',
  addServiceLabel: 'Add a service',
  searchServices: 'Search services',
  searchServicesPlaceholder: 'Add a service…',
  customAddress: 'Any web app address',
  customAddressPlaceholder: '…or any address',
  removeService: (service: string) => `Remove ${service}`,
  confirmRemoveService: (service: string, workspace: string) =>
    `Remove ${service} from ${workspace}?`,
  dismiss: 'Dismiss',
  permissionRequest: 'Permission request',
  permissionQuestion: (service: string, origin: string, what: string) =>
    `${service} (${origin}) wants to ${what}.`,
  deny: 'Deny',
  allowOnce: 'Allow once',
  alwaysAllow: 'Always allow',
  deleteWorkspace: 'Delete workspace…',
  deleteWorkspaceTitle: (name: string) => `Delete ${name}`,
  deleteWorkspaceQuestion: (name: string, services: number) =>
    `Delete ${name} and its ${services === 1 ? '1 service' : `${services} services`}? Their sign-ins and data on this computer are removed too.`,
  backupFirst:
    'To keep a copy, make a backup first (backups arrive in a later version of Flow Desk).',
  deleteWorkspaceConfirm: (name: string) => `Delete ${name}`,
  cancel: 'Cancel',
  aServiceFallback: 'A service',
  permissionWords: {
    notifications: 'show notifications',
    media: 'use your camera or microphone',
    geolocation: 'know your location',
    'clipboard-read': 'read your clipboard',
    'display-capture': 'share your screen',
  } as Readonly<Record<string, string>>,
  quickSwitcher: 'Quick switcher',
  quickSwitcherInput: 'Go to service',
  quickSwitcherPlaceholder: 'Go to a service… (Ctrl+K)',
  quickSwitcherResults: 'Services',
  quickSwitcherEmpty: 'No service matches.',
  theme: (name: string) => `Theme: ${name}`,
  themeNames: { system: 'System', light: 'Light', dark: 'Dark' } as const,
  viewStates: {
    'not-loaded': 'not opened yet',
    loading: 'loading',
    live: 'open',
    hibernated: 'asleep',
    crashed: 'stopped',
    unresponsive: 'not responding',
  } as const,
} as const;
