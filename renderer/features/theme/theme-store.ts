import { createStore } from '../../state/create-store';

/** What the user chose: follow the OS, or a fixed theme. */
export type ThemePreference = 'system' | 'light' | 'dark';

const storageKey = 'postdesk-theme';

function readPreference(): ThemePreference {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** The theme preference, read from and saved to this window's storage. */
export const themePreference = createStore<ThemePreference>(readPreference());

/** Chooses a theme (remembered by the subscriber below). */
export function setThemePreference(preference: ThemePreference): void {
  themePreference.set(preference);
}

// Persistence by a subscriber: whatever sets the preference, the choice is saved.
themePreference.subscribe(() => {
  const preference = themePreference.get();
  try {
    if (preference === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, preference);
  } catch {
    // Storage may be unavailable; the choice still holds for this session.
  }
});

/** The theme to show for a preference, given whether the OS prefers dark. */
export function resolveTheme(preference: ThemePreference, osPrefersDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return osPrefersDark ? 'dark' : 'light';
  return preference;
}
