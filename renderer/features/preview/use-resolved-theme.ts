import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/create-store';
import { resolveTheme, themePreference } from '../theme/theme-store';

const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme the app shows ('light' or 'dark'), as of this render: the preference, or the OS's while it is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useStore(themePreference);
  const osDark = useSyncExternalStore(subscribe, () => darkQuery().matches);
  return resolveTheme(preference, osDark);
}
