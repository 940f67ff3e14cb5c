/**
 * Jest with jest-expo (React Native's environment, Expo's modules mocked). Packages published as
 * untranspiled ES modules (jose, zod…) and @flowdesk/shared's TypeScript are compiled by Babel.
 */
module.exports = {
  preset: 'jest-expo',
  roots: ['<rootDir>/src', '<rootDir>/app'],
  transformIgnorePatterns: [
    'node_modules/(?!((jest-)?react-native|@react-native(-community)?)|expo(nent)?|@expo(nent)?/.*|expo-router|react-native-webview|jose|@noble/.*|zod|tldts.*|cockatiel|simple-icons|standard-navigation)',
  ],
  collectCoverageFrom: [
    'src/**/*.{ts,tsx}',
    'app/**/*.tsx',
    '!src/**/*.test.{ts,tsx}',
    '!src/**/*.test-support.ts',
  ],
  coverageThreshold: { global: { lines: 90, branches: 85 } },
};
