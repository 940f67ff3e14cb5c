import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react-native';
import { SettingsScreen } from './SettingsScreen';

describe('the settings screen', () => {
  it('opens the license and the import, and says what isolation and privacy mean here', () => {
    const onOpenLicense = jest.fn();
    const onImport = jest.fn();
    render(
      <SettingsScreen
        licenseSummary="Pro · Active"
        version="0.1.0"
        onOpenLicense={onOpenLicense}
        onImport={onImport}
      />,
    );
    fireEvent.press(screen.getByRole('button', { name: 'License: Pro · Active' }));
    expect(onOpenLicense).toHaveBeenCalled();
    fireEvent.press(screen.getByRole('button', { name: 'Import workspaces from the desktop app' }));
    expect(onImport).toHaveBeenCalled();
    expect(screen.getByText(/forgets its sign-in when the app closes/)).toBeTruthy();
    expect(screen.getByText(/The one thing Flow Desk sends is the license check/)).toBeTruthy();
    expect(screen.getByLabelText('Version 0.1.0')).toBeTruthy();
  });
});
