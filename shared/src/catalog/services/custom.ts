import { monogramIcon } from '../icons';
import type { ServiceDefinition } from '../schema';
import { service } from './define';

/** The workspace `type` of a service the user adds by URL (the seed's 'custom-template'). */
export const CUSTOM_SERVICE_ID = 'custom-template';

/**
 * Any web app: the user gives its URL, name, icon and colour. Its scope comes from that URL
 * (see navigationScopeFor); the common identity providers are allowed so "Sign in with Google /
 * Microsoft / Apple / GitHub" keeps working inside the view.
 */
export const CUSTOM_SERVICE_TEMPLATE: ServiceDefinition = service({
  id: CUSTOM_SERVICE_ID,
  name: 'Custom Service',
  aliases: ['any web app', 'custom url', 'website', 'other'],
  // A default shelf only: the user's service is not tied to any category.
  category: 'productivity',
  url: null,
  domains: [],
  signIn: ['google', 'microsoft', 'apple', 'github'],
  selfHosted: {
    baseUrl: 'required',
    example: 'https://app.example.com',
    allowHttpOnPrivateNetwork: true,
  },
  icon: monogramIcon('+', '#64748b'),
  color: '#64748b',
});
