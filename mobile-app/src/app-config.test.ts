import { describe, expect, it } from '@jest/globals';
import { appConfig } from '../app.config';
import { licenseBuildSettingsSchema } from './licensing/mobile-licensing';

const jwks = '{"keys":[{"kty":"OKP","crv":"Ed25519","x":"abc","kid":"k1"}]}';

describe('the app’s build configuration', () => {
  it('pins the license keys and website from the build’s environment', () => {
    const config = appConfig({
      FLOWDESK_LICENSE_PUBLIC_KEYS: jwks,
      FLOWDESK_SITE_URL: 'https://flowdesk.example',
    });
    expect(licenseBuildSettingsSchema.parse(config.extra?.license)).toEqual({
      siteUrl: 'https://flowdesk.example',
      publicKeys: jwks,
      developmentSite: '',
    });
    expect(config.ios?.bundleIdentifier).toBe('app.flowdesk.mobile');
  });

  it('refuses a production build without license keys; other builds run with licensing off', () => {
    expect(() => appConfig({ EAS_BUILD_PROFILE: 'production' })).toThrow(
      /production build of the mobile app needs FLOWDESK_LICENSE_PUBLIC_KEYS/,
    );
    const preview = appConfig({ EAS_BUILD_PROFILE: 'preview' });
    expect(preview.extra?.license).toMatchObject({
      publicKeys: '',
      siteUrl: 'https://flowdesk.app',
    });
  });
});
