import { useEffect } from 'react';
import { useStore } from '../../state/create-store';
import { resolveTheme, themePreference } from './theme-store';

/**
 * Applies the theme to the document (`data-theme` and `color-scheme` on <html>) and follows the
 * OS's light/dark setting while the preference is "system".
 */
export function useTheme(): void {
  const preference = useStore(themePreference);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      const theme = resolveTheme(preference, query.matches);
      document.documentElement.dataset.theme = theme;
      document.documentElement.dataset.themePreference = preference;
      document.documentElement.style.colorScheme = theme;
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [preference]);
}
