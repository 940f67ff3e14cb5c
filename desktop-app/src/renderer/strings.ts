/**
 * Every string the app UI shows, in one place so it can be translated. Functions take the
 * values a sentence needs; nothing here builds HTML.
 */
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 → "1.5 kB" (decimal units, as file managers on macOS and Linux show them). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    // "short" gives "500 byte" in English; the long form is plural-aware.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export const strings = {
  loading: 'Opening your workspaces…',
  loadingPage: 'Opening…',
  loadFailed: (message: string) => `Flow Desk could not read your workspaces: ${message}`,
  retry: 'Try again',
  workspacesLabel: 'Workspaces',
  servicesLabel: 'Services',
  newWorkspace: 'New workspace',
  workspaceName: 'Workspace name',
  workspaceNamePlaceholder: 'Name',
  workspaceColor: 'Colour',
  workspaceIcon: 'Icon (an emoji or two letters, optional)',
  createWorkspace: 'Create workspace',
  editWorkspace: (name: string) => `Edit ${name}`,
  editWorkspaceMenu: 'Rename or recolour…',
  save: 'Save',
  workspaceOptions: (name: string) => `${name} options`,
  noWorkspace: 'Create a workspace to start: the + button on the left.',
  noServices: 'This workspace has no services yet.',
  noService: 'Add a service to this workspace, then pick it on the left.',
  addService: 'Add a service',
  addServiceTo: (workspace: string) => `Add a service to ${workspace}`,
  searchServices: 'Search services',
  searchResults: 'Matching services',
  searchServicesPlaceholder: 'Search 90 services, e.g. Slack, Notion…',
  noCatalogMatch: 'No service in the catalog matches. Add it as a custom service below.',
  customService: 'Custom service',
  customServiceHint: 'Any web app: its address, a name and an icon.',
  serviceAddress: 'Address',
  serviceAddressPlaceholder: 'https://app.example.com',
  serviceName: 'Name',
  tenantLabel: (label: string) => label,
  baseUrlLabel: (name: string) => `Address of your ${name} server`,
  isolation: 'Sign-in',
  isolationShared: 'Shared with the workspace',
  isolationIsolated: 'Isolated',
  isolationHint:
    'Shared: services in this workspace share logins (one Google sign-in for Gmail and Drive). Isolated: this service has its own cookies, so a second account can sign in.',
  icon: 'Icon',
  iconUpload: 'Upload an icon',
  iconMonogram: 'Use initials',
  iconTooLarge: 'Use an image of at most 256 KB.',
  iconUnreadable: 'This file is not a PNG, JPEG or WebP image.',
  serviceColor: 'Colour',
  add: 'Add',
  back: 'Back',
  close: 'Close',
  unavailable: 'Not available',
  removeService: (service: string) => `Remove ${service}`,
  confirmRemoveService: (service: string, workspace: string) =>
    `Remove ${service} from ${workspace}? Its sign-in and data on this computer are removed too.`,
  confirmClearData: (service: string) =>
    `Sign out of ${service} and clear its cookies, storage and cache on this computer?`,
  clearData: 'Clear data…',
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
    `Delete ${name} and its ${plural(services, 'service', 'services')}? Their sign-ins and data on this computer are removed too.`,
  deleteWorkspaceServices: (names: string) => `Services removed: ${names}.`,
  backupFirst: 'To keep a copy, make a backup first.',
  openBackups: 'Open backups',
  deleteWorkspaceConfirm: (name: string) => `Delete ${name}`,
  cancel: 'Cancel',
  aServiceFallback: 'A service',
  permissionWords: {
    notifications: 'show notifications',
    media: 'use your camera or microphone',
    geolocation: 'know your location',
    'clipboard-read': 'read your clipboard',
    'clipboard-sanitized-write': 'write to your clipboard',
    'display-capture': 'share your screen',
    midi: 'use MIDI devices',
    midiSysex: 'use MIDI devices',
    pointerLock: 'lock the mouse pointer',
    fullscreen: 'go full screen',
    openExternal: 'open another app',
    'idle-detection': 'know when you are idle',
    'window-management': 'manage windows on your screens',
    'storage-access': 'use its cookies on other sites',
  } as Readonly<Record<string, string>>,
  permissionNames: {
    notifications: 'Notifications',
    media: 'Camera and microphone',
    geolocation: 'Location',
    'clipboard-read': 'Read clipboard',
    'display-capture': 'Screen sharing',
  } as Readonly<Record<string, string>>,
  quickSwitcher: 'Quick switcher',
  quickSwitcherInput: 'Go to service',
  quickSwitcherPlaceholder: 'Go to a service…',
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
  unreadCount: (count: number) => plural(count, 'unread item', 'unread items'),
  needsAttention: 'needs attention',
  mutedState: 'muted',
  serviceLabel: (name: string, details: string) => `${name}, ${details}`,
  workspaceLabel: (name: string, details: string) => (details ? `${name}, ${details}` : name),
  serviceOptions: (name: string) => `${name} options`,
  menu: {
    reload: 'Reload',
    hibernate: 'Put to sleep now',
    mute: 'Mute notifications',
    notifications: 'Show notifications',
    keepAlive: 'Keep alive (never sleep)',
    audioMuted: 'Mute sound',
    find: 'Find in page…',
    copyLink: 'Copy link',
    openInBrowser: 'Open in browser',
    print: 'Print…',
    settings: 'Settings…',
    remove: 'Remove…',
    moveUp: 'Move up',
    moveDown: 'Move down',
  },
  reorderHint: 'Drag to reorder, or Alt+Up / Alt+Down.',
  moved: (name: string, position: number) => `${name} moved to position ${position}.`,
  helpSheet: 'Keyboard shortcuts',
  help: 'Keyboard shortcuts (Ctrl+/)',
  settings: 'Settings',
  linkCopied: 'Link copied.',
  copied: 'Copied to the clipboard.',
  shortcuts: [
    ['Ctrl/Cmd+K, Ctrl/Cmd+Alt+K', 'Quick switcher: go to any service'],
    ['Ctrl/Cmd+1 … 9', 'Open the first … ninth service of the workspace'],
    ['Ctrl/Cmd+Shift+1 … 9', 'Open the first … ninth workspace'],
    ['Ctrl+Tab, Ctrl+Shift+Tab', 'Go back to the service you used before'],
    ['Ctrl/Cmd+F', 'Find in page'],
    ['Ctrl/Cmd+= / - / 0', 'Zoom in, zoom out, reset zoom (remembered per service)'],
    ['Alt+Up, Alt+Down', 'Move the focused service or workspace in the sidebar'],
    ['Shift+F10, Menu key', 'Options of the focused service or workspace'],
    ['Ctrl/Cmd+,', 'Settings'],
    ['Ctrl/Cmd+/', 'This list'],
    ['Esc', 'Close a dialog, the find bar or the quick switcher'],
  ] as const,
  settingsSections: {
    general: 'General',
    performance: 'Performance',
    notifications: 'Notifications',
    privacy: 'Privacy',
    diagnostics: 'Diagnostics',
    audit: 'Audit log',
    backups: 'Backups',
    data: 'Your data',
    license: 'License',
  } as const,
  downloads: {
    title: 'Downloads',
    button: (active: number) =>
      active === 0 ? 'Downloads' : `Downloads (${plural(active, 'in progress', 'in progress')})`,
    empty: 'No downloads yet. Files you download in a service appear here.',
    from: (service: string) => `from ${service}`,
    progress: (received: string, total: string | undefined) =>
      total === undefined ? `${received} so far` : `${received} of ${total}`,
    states: {
      progressing: 'Downloading',
      paused: 'Paused',
      completed: 'Done',
      cancelled: 'Cancelled',
      interrupted: 'Failed: the connection or the disk stopped it',
    },
    interruptedResumable: 'Interrupted: choose Resume to try again',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    open: 'Open',
    showInFolder: 'Show in folder',
    clear: 'Clear finished',
    askWhereToSave: 'Ask where to save each download',
    progressLabel: (file: string) => `${file} progress`,
    actions: (file: string) => `${file} actions`,
  },
  general: {
    theme: 'Theme',
    launchAtLogin: 'Open Flow Desk when I sign in to my computer',
    showInTray: 'Show Flow Desk in the notification area (the menu bar on macOS)',
    showInTrayHint:
      'Closing the window then keeps Flow Desk running there, so notifications and unread counts keep coming. Quit from its menu.',
    startMinimized: 'Start in the background',
    startMinimizedHint: (tray: boolean) =>
      tray
        ? 'The window stays hidden until you open it from the tray icon.'
        : 'The window starts minimised in the taskbar.',
    hardwareAcceleration: 'Use graphics acceleration',
    hardwareAccelerationHint:
      'Takes effect the next time Flow Desk starts. Turn it off if pages flicker or show black areas.',
    defaultIsolation: 'Sign-in for new services',
    spellcheck: 'Check spelling',
    spellcheckLanguages: 'Spelling languages (codes such as en-US, de, fr; comma separated)',
    spellcheckLanguagesInvalid: (value: string) =>
      `"${value}" is not a language code. Use codes such as en-US, de or pt-BR.`,
    spellcheckLanguagesTooMany: 'Choose at most 10 languages.',
  },
  performance: {
    title: (workspace: string) => `Memory and sleep for ${workspace}`,
    noWorkspace: 'Create a workspace to change how its services sleep.',
    hibernation: 'Put services to sleep to save memory',
    idleMinutes: 'Sleep after this many idle minutes',
    maxLiveViews: 'At most this many services awake at once',
    memoryBudgetMb: 'Memory budget for this workspace (MB)',
    numberRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
    explanation:
      'Sleeping services keep their sign-in and open where you left them; only their memory is freed. Services playing audio or video and those kept alive never sleep.',
  },
  notificationsSettings: {
    title: (workspace: string) => `Notifications for ${workspace}`,
    enabled: 'Show notifications from this workspace',
    dnd: 'Do not disturb',
    dndSchedule: 'Only during quiet hours',
    from: 'From',
    to: 'To',
    days: 'Days',
    dayNames: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const,
    activeNow: 'Do not disturb is on now: notifications are held back; badges still count.',
    inactiveNow: 'Notifications are shown now.',
  },
  privacy: {
    title: 'What stays on this computer',
    points: [
      'Every service is its own web page. Flow Desk has no access to your messages, mail or files, and does not use any service API.',
      'Sign-ins, cookies and page data stay in this computer’s Flow Desk profile, separated per workspace (or per service when isolated).',
      'Your workspaces and settings are stored locally; nothing is synchronised to us.',
      'The only thing Flow Desk sends is the license check to flowdesk.app, with a hashed device id.',
      'Permissions (camera, microphone, location, notifications…) are asked for per service and can be revoked in the service’s settings.',
    ] as const,
    shareErrors: 'Send reports of serious errors',
    shareErrorsHint: (host: string) =>
      `Off unless you turn it on. When on, serious errors go to ${host}: the error’s name, code, message and stack trace with personal data removed, how often it happened, and the app version and system. Never page content, addresses, names of workspaces or services, or what you did before.`,
    shareErrorsUnavailable:
      'This build of Flow Desk sends error reports nowhere: problems are kept on this computer only (Settings → Diagnostics).',
  },
  service: {
    title: (name: string) => `${name} settings`,
    name: 'Name',
    url: 'Address',
    isolationChange:
      'Changing this signs the service out: it opens with a different set of cookies.',
    notifications: 'Show notifications',
    muted: 'Mute (no banner or sound; the badge still counts)',
    showBadge: 'Show the unread badge',
    audioMuted: 'Mute sound',
    keepAlive: 'Keep alive (never put to sleep)',
    userAgent: 'User agent',
    userAgentHint:
      'Leave empty to use the standard Chrome user agent, which services expect. Change it only if a site asks for another browser.',
    zoom: 'Zoom',
    zoomReset: 'Reset',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    memory: (mb: number) => `Memory in use now: ${mb} MB`,
    memoryCeiling: 'Memory ceiling (MB)',
    memoryCeilingHint:
      'Leave empty for none. Above it, the service is put to sleep in the background, or restarted when on screen; you are told each time. A call in progress is never cut.',
    memoryCeilingRange: (min: number, max: number) =>
      `Leave empty, or enter a whole number from ${min} to ${max}.`,
    permissions: 'Permissions',
    noPermissions: 'This service has not asked for any permission yet.',
    granted: 'Allowed',
    denied: 'Denied',
    revoke: (what: string) => `Forget the answer for ${what}`,
    dangerZone: 'Data',
    saved: 'Saved.',
  },
  screenShare: {
    title: (service: string) => `${service} wants to share your screen`,
    origin: (origin: string) => `Asked by ${origin}. Choose what it may see.`,
    screens: 'Screens',
    windows: 'Windows',
    noWindows: 'No windows to share.',
    noPicture: 'No preview',
    audio: "Share the computer's sound too",
    share: 'Share',
    cancel: "Don't share",
    chosen: (name: string) => `Selected: ${name}`,
  },
  proxy: {
    title: 'Proxy',
    modes: {
      system: "Use the computer's proxy settings",
      direct: 'No proxy: connect directly',
      custom: 'Use this proxy',
    },
    needsIsolation:
      'A proxy applies to this service\'s own sign-in. Choose "Isolated" above to give it one.',
    protocol: 'Type',
    protocolNames: { http: 'HTTP', https: 'HTTPS', socks5: 'SOCKS5', socks4: 'SOCKS4' },
    host: 'Proxy address',
    hostPlaceholder: 'proxy.example.com',
    port: 'Port',
    username: 'User name (optional)',
    usernameSocks: 'SOCKS proxies are used without a user name and password.',
    password: 'Password',
    passwordStored: 'A password is saved in the system keyring. Type a new one to replace it.',
    passwordHint: "Kept encrypted by the system keyring, never in Flow Desk's files.",
    forgetPassword: 'Forget the saved password',
    bypass: 'Reach these addresses without the proxy (optional)',
    bypassHint:
      'One per line or comma separated, such as *.intranet.example, 10.0.0.0/8 or <local>.',
    save: 'Save proxy',
    saved: (service: string) => `Proxy saved. ${service} reloads to use it.`,
  },
  pages: {
    diagnostics: {
      title: 'Diagnostics',
      description:
        'How Flow Desk is doing on this computer: health checks, recent problems, memory and CPU per service, start-up times. Nothing here leaves the computer unless you export it.',
      healthTitle: 'Health',
      healthStatus: {
        healthy: 'Healthy',
        degraded: 'Needs attention',
        unhealthy: 'Problem',
      } as const,
      checkedAt: (time: string) => `Checked ${time}.`,
      checkAgain: 'Check again',
      checking: 'Checking…',
      checkNames: {
        'store-writable': 'Saving your workspaces',
        'disk-space': 'Disk space',
        'audit-chain': 'Audit logs',
        license: 'License',
        'update-channel': 'Updates',
        'crashed-views': 'Service pages',
      } as Record<string, string>,
      problemsTitle: 'Recent problems',
      problemsHint:
        'Errors Flow Desk recorded, the same problem grouped, the most recent first. Personal data is removed before anything is kept.',
      problemsEmpty: 'No problems recorded. Good.',
      clearProblems: 'Clear the list',
      problemsCleared: 'The list of problems was cleared.',
      severity: {
        low: 'Minor',
        medium: 'Moderate',
        high: 'Serious',
        critical: 'Critical',
      } as const,
      occurrences: (count: number, first: string, last: string) =>
        count === 1 ? `Once, ${last}.` : `${count} times, first ${first}, last ${last}.`,
      breadcrumbs: 'What happened before',
      noBreadcrumbs: 'Nothing was logged before it.',
      freeMemory: 'Put idle services to sleep',
      freeMemoryHint:
        'Services not used for 5 minutes go to sleep now (not one in a call or playing sound).',
      freedMemory: (count: number) =>
        count === 0
          ? 'No service has been idle long enough to put to sleep.'
          : `${plural(count, 'service', 'services')} put to sleep.`,
      loadTime: 'Load',
      requests: 'Requests',
      exportTitle: 'Export for support',
      exportHint:
        'An archive (.tar.gz) with the health checks, recent problems, start-up times, memory figures and the recent log. E-mail addresses, tokens, passwords, web addresses’ queries and your user name are removed; workspace and service names are left out.',
      previewExport: 'Show what would be exported',
      exportSave: 'Export diagnostics…',
      exportSaved: (path: string) => `Diagnostics saved to ${path}.`,
      fileSize: (bytes: number) =>
        bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`,
      usageTitle: 'Memory and CPU per service',
      usageHint:
        'Services whose pages are loaded, the heaviest first. Figures are taken each minute; services that share a process show its figures.',
      usageEmpty:
        'No service page is loaded right now, or none has been measured yet (figures come each minute).',
      refresh: 'Refresh',
      service: 'Service',
      memory: 'Memory',
      cpu: 'CPU',
      peak: 'Peak',
      trend: 'Last 30 minutes',
      trendLabel: (name: string) => `Memory of ${name} over the last 30 minutes`,
      megabytes: (value: number) => `${value} MB`,
      percent: (value: number) => `${value.toFixed(1)} %`,
      startupTitle: 'Start-up',
      startupHint:
        'How long the recent launches took, from the moment Flow Desk started: the window shown, your workspaces on screen, the first service page loaded.',
      launch: 'Launch',
      thisLaunch: 'This one',
      windowShown: 'Window',
      uiInteractive: 'Workspaces',
      firstServicePainted: 'First service',
      milliseconds: (value: number) => `${value.toLocaleString('en')} ms`,
    },
    audit: {
      title: 'Audit log',
      description:
        'Every change to this workspace — services added or removed, permissions, data cleared — in a log that shows if it was edited.',
      verify: 'Check the log',
      valid: (entries: number) => `The log is intact (${plural(entries, 'entry', 'entries')}).`,
      invalid: (message: string) => `The log was changed: ${message}`,
      empty: 'Nothing has happened in this workspace yet.',
      noWorkspace: 'Create a workspace to see its audit log.',
    },
    backups: {
      title: 'Backups',
      description:
        'Encrypted backups of your workspaces, with their sign-ins if you choose, to move to a new computer or recover from a mistake.',
      empty:
        'No backups yet. Make one above; it stays on this computer until you copy it elsewhere.',
      make: 'Make a backup',
      includeSessions: 'Include sign-ins, so services stay signed in after restoring',
      protection: 'Protect it with',
      byPassphrase: 'A passphrase: it can be restored on any computer',
      byDevice: "This computer's keyring: it can be restored only here",
      passphrase: 'Passphrase',
      passphraseHint:
        'At least 12 characters; a few unrelated words work well. Without it the backup cannot be opened.',
      confirm: 'Passphrase again',
      mismatch: 'The two passphrases differ.',
      tooShort: 'Use at least 12 characters.',
      strength: 'Passphrase strength',
      strengths: ['Weak', 'Fair', 'Strong'] as const,
      backUp: 'Back up now',
      phases: {
        collecting: 'Putting services to sleep and collecting their data…',
        compressing: 'Compressing…',
        encrypting: 'Encrypting…',
        writing: 'Writing the backup…',
        verifying: 'Checking the backup…',
        restoring: 'Restoring…',
        done: 'Done.',
        failed: 'Stopped.',
      },
      made: (name: string) => `Backup saved: ${name}`,
      listLabel: 'Backups on this computer',
      summary: (workspaces: number, services: number) =>
        `${plural(workspaces, 'workspace', 'workspaces')}, ${plural(services, 'service', 'services')}`,
      withSessions: 'with sign-ins',
      snapshot: 'safety snapshot before a restore',
      scheduled: 'scheduled',
      protectedBy: {
        passphrase: 'passphrase',
        'device-key': 'this computer only',
        none: 'not encrypted',
      },
      check: 'Check',
      restore: 'Restore…',
      remove: 'Delete',
      intact: (files: number) => `Intact: every byte checked (${plural(files, 'file', 'files')}).`,
      passphraseFor: 'Passphrase of this backup',
      restoreTitle: 'Restore a backup',
      restoreModeReplace:
        'Replace the workspaces it holds (same workspaces, their sign-ins put back)',
      restoreModeMerge: 'Add them as new workspaces, next to the ones you have',
      restoreWillReplace: (names: string) => `These workspaces will be replaced: ${names}.`,
      restoreSafety:
        'Before anything changes, the backup is checked completely and a safety snapshot of your current workspaces is made.',
      restoreConfirm: 'Restore',
      restored: (count: number) => `Restored ${plural(count, 'workspace', 'workspaces')}.`,
      restartNeeded:
        'Sign-ins are back. Restart Flow Desk to put back the services’ stored data too.',
      restart: 'Restart now',
      removeTitle: 'Delete this backup?',
      removeConfirm: 'Delete backup',
      removeBody:
        'The file is deleted from this computer. Copies you saved elsewhere are not affected.',
      incremental: 'Only what changed since the last backup (incremental)',
      incrementalHint:
        'Smaller and faster. Restoring it needs the backups it builds on, so keep them together.',
      incrementalTag: 'incremental',
      addFile: 'Add a backup file…',
      added: (name: string) => `Backup added: ${name}`,
      saveCopy: 'Save a copy…',
      copied: (name: string) => `Copy saved: ${name}`,
      scheduleTitle: 'Automatic backups',
      automatic: 'Back up automatically',
      every: 'How often',
      intervals: (hours: number) =>
        hours === 1
          ? 'Every hour'
          : hours % 24 === 0
            ? hours === 24
              ? 'Every day'
              : hours === 168
                ? 'Every week'
                : `Every ${hours / 24} days`
            : `Every ${hours} hours`,
      keep: 'Automatic backups to keep',
      scheduleSessions: 'Include sign-ins',
      scheduleHint:
        "Automatic backups stay in the backups folder and are protected by this computer's keyring. With sign-ins, every seventh one is a full backup and the others hold only what changed.",
    },
    data: {
      title: 'Your data',
      description:
        'Move your workspace setup between computers, sign out of services, and check or tidy what Flow Desk keeps on disk.',
      transferTitle: 'Export and import',
      transferHint:
        'An export holds workspaces and services with their settings — no sign-ins, no passwords. Use a backup to move sign-ins.',
      exportWhat: 'Export',
      exportActive: (name: string) => `This workspace (${name})`,
      exportAll: (count: number) => `All workspaces (${count})`,
      export: 'Export…',
      exported: (count: number, file: string) =>
        `Exported ${plural(count, 'workspace', 'workspaces')} to ${file}.`,
      import: 'Import…',
      importTitle: (file: string) => `Import ${file}`,
      importHint:
        'Workspaces that are new here are added. For one you already have, choose what to do.',
      inFile: 'Workspaces in the file',
      services: (count: number) => `(${plural(count, 'service', 'services')})`,
      sameWorkspace: (existing: string) => `Already here as “${existing}”`,
      sameName: 'A workspace with this name is already here',
      choices: {
        duplicate: 'Add it as another workspace',
        replace: 'Replace the one here (its sign-ins stay)',
        skip: 'Skip it',
      },
      knownAddresses: (count: number) =>
        `${plural(count, 'service', 'services')} in the file open an address you already use.`,
      importConfirm: 'Import',
      importResult: (added: number, replaced: number, skipped: number) =>
        `Imported: ${plural(added, 'workspace', 'workspaces')} added, ${replaced} replaced, ${skipped} skipped.`,
      signOutTitle: 'Sign out',
      signOutHint:
        'Clears the cookies, stored data and cache of every service in the workspace. Your workspace and its services stay.',
      signOut: (name: string) => `Sign out of every service in ${name}…`,
      signOutConfirm: 'Sign out',
      signOutBody:
        'Each service will ask you to sign in again. Make a backup with sign-ins first if you may want them back.',
      signedOut: (name: string) => `Signed out of every service in ${name}.`,
      healthTitle: 'Check and clean up',
      healthHint:
        'The check compares your workspaces with the browser data on disk and the audit logs. Cleaning up removes leftovers of interrupted work, expired automatic backups and old logs.',
      check: 'Check data',
      cleanup: 'Clean up',
      working: 'Working…',
      nothingToClean: 'Nothing to clean up.',
      cleaned: (count: number, size: string) =>
        `Removed ${plural(count, 'item', 'items')}, ${size} freed.`,
      allGood: (workspaces: number, services: number) =>
        `Everything is consistent: ${plural(workspaces, 'workspace', 'workspaces')}, ${plural(services, 'service', 'services')}.`,
      issues: 'What the check found',
      severity: { error: 'Problem', warning: 'Warning', info: 'Note' } as const,
      repair: 'Repair selected',
      repaired: (count: number, size: string) =>
        `${plural(count, 'repair', 'repairs')} done, ${size} freed.`,
    },
    license: {
      title: 'License',
      description:
        'Your plan, this computer’s sign-in and when the license was last checked. Nothing else about you or your workspaces is ever sent.',
      plan: 'Plan',
      status: 'Status',
      states: {
        unlicensed: 'Free: no Flow Desk account is signed in on this computer.',
        active: 'Active',
        due: 'Active — checking with the Flow Desk website',
        grace: 'Active — the Flow Desk website could not be reached lately',
        expired: 'Lapsed: Free limits apply until the license is checked again',
        revoked: 'Signed out on the website: Free limits apply',
      } as const,
      planNames: { free: 'Free', pro: 'Pro', team: 'Team', enterprise: 'Enterprise' } as const,
      was: (plan: string) => `(your ${plan} license no longer applies)`,
      organization: 'Through',
      device: 'This computer',
      lastChecked: 'Last checked',
      nextCheck: 'Next check',
      graceEnds: 'Free limits from',
      never: 'Not yet',
      limits: 'Limits',
      limitsText: (workspaces: number | null, services: number | null) =>
        workspaces === null && services === null
          ? 'No limits'
          : `${workspaces ?? 'Any number of'} workspaces, ${services ?? 'any number of'} services each`,
      locked: (workspaces: number, services: number) =>
        `${plural(workspaces, 'workspace', 'workspaces')} and ${plural(services, 'service', 'services')} are locked: kept as they are, and back when the license is.`,
      insecureStorage:
        'This computer has no system keyring (such as GNOME Keyring or KWallet), so the sign-in is kept only until Flow Desk quits.',
      clockRollback:
        'This computer’s clock was set back. Flow Desk checks the license online before trusting it again.',
      off: 'Licensing is off in this build of Flow Desk: every feature is on and nothing is limited.',
      signIn: 'Sign in…',
      signInHint:
        'Your browser opens the Flow Desk website. Sign in there and approve this computer; it should show this code:',
      openAgain: 'Open the page again',
      waiting: 'Waiting for the approval in your browser…',
      codeExpires: (time: string) => `The code is valid until ${time}.`,
      cancel: 'Cancel',
      checkNow: 'Check now',
      checking: 'Checking…',
      signOut: 'Sign out this computer',
      signOutQuestion:
        'Sign this computer out of your Flow Desk account? Your workspaces stay; Free limits apply until you sign in again.',
      signedOutOffline:
        'Signed out on this computer. The website could not be reached: sign the device out on the website too.',
      manage: 'Manage your account on the website',
    },
  },
  updates: {
    title: 'Updates',
    automatic: 'Update Flow Desk automatically',
    channel: 'Release channel',
    channels: { stable: 'Stable', beta: 'Beta (new features first; may have rough edges)' },
    interval: 'Check for updates',
    every: (hours: number) =>
      hours === 1
        ? 'Every hour'
        : hours === 24
          ? 'Once a day'
          : hours === 168
            ? 'Once a week'
            : `Every ${hours} hours`,
    checkNow: 'Check now',
    restart: 'Restart to update',
    progressLabel: 'Download progress',
    development: 'This is a development build: it does not update itself.',
    off: 'Automatic updates are off.',
    checking: 'Checking for updates…',
    downloading: (version: string, percent: number) =>
      `Downloading Flow Desk ${version}: ${percent} %`,
    ready: (version: string) =>
      `Flow Desk ${version} is ready. Restart to update; your workspaces stay as they are.`,
    failed: 'The last update check failed.',
    upToDate: (version: string, time: string) =>
      `Flow Desk ${version} is up to date (checked ${time}).`,
    notChecked: (version: string) => `Flow Desk ${version}. Not checked for updates yet.`,
    banner: (version: string) => `Flow Desk ${version} is ready to install.`,
  },
  licenseBanner: {
    grace: (days: number) =>
      `Flow Desk could not check your license. Your plan stays for ${plural(days, 'more day', 'more days')}; connect to the internet so it can check.`,
    expired:
      'Your license could not be checked for too long: Free limits apply. Nothing is deleted; extra workspaces and services are locked until it is checked.',
    revoked:
      'This computer was signed out of its Flow Desk account: Free limits apply. Nothing is deleted.',
    open: 'License settings',
    lockedService: 'locked by your plan',
  },
  lock: {
    title: 'Flow Desk is locked',
    password: 'Password',
    hint: 'Your workspaces are hidden until you enter the app lock password.',
    unlock: 'Unlock',
    section: 'App lock',
    explanation:
      'Hides every workspace behind a password when you step away. Only a scrypt hash of the password is stored, on this computer.',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    currentPassword: 'Current password',
    autoLock: 'Lock automatically',
    autoLockChoices: [
      [0, 'Only when I lock it or the computer sleeps'],
      [1, 'After 1 minute away'],
      [5, 'After 5 minutes away'],
      [15, 'After 15 minutes away'],
      [30, 'After 30 minutes away'],
      [60, 'After an hour away'],
    ] as const,
    turnOn: 'Turn on app lock',
    change: 'Save',
    turnOff: 'Turn off app lock',
    lockNow: 'Lock now',
    tooShort: 'Use at least 8 characters.',
    mismatch: 'The two passwords are not the same.',
    enabled: 'App lock is on.',
  },
  find: {
    label: 'Find in page',
    placeholder: 'Find in page',
    next: 'Next match',
    previous: 'Previous match',
    matches: (active: number, total: number) =>
      total === 0 ? 'No matches' : `${active} of ${total}`,
  },
} as const;
