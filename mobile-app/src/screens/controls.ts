import { StyleSheet } from 'react-native';

/** The controls every screen shares: one look for buttons, fields and messages. */
export const controls = StyleSheet.create({
  button: { backgroundColor: '#1d4ed8', borderRadius: 8, padding: 12, minHeight: 44 },
  buttonText: { color: '#ffffff', fontWeight: '600', textAlign: 'center' },
  input: {
    borderWidth: 1,
    borderColor: '#a3a3a3',
    borderRadius: 8,
    padding: 10,
    marginVertical: 6,
    minHeight: 44,
  },
  problem: { color: '#b91c1c' },
});

/** An unread count, and the dot for activity without a count (grid tiles, tab bar). */
export const unreadMarks = StyleSheet.create({
  badge: {
    backgroundColor: '#dc2626',
    color: '#ffffff',
    borderRadius: 10,
    paddingHorizontal: 6,
    overflow: 'hidden',
    fontSize: 12,
  },
  dot: { width: 10, height: 10, borderRadius: 5, backgroundColor: '#dc2626' },
});

/** Text colours for the system's light or dark appearance. */
export const textColor = (dark: boolean) => ({ color: dark ? '#f5f5f5' : '#171717' });
export const mutedColor = (dark: boolean) => ({ color: dark ? '#a3a3a3' : '#525252' });
export const screenBackground = (dark: boolean) => ({
  backgroundColor: dark ? '#0a0a0a' : '#ffffff',
});
