import { useCallback, useEffect, useState } from 'react';
import { useGroupRef, type Layout, type LayoutChangedMeta } from 'react-resizable-panels';
import { readSavedLayout, saveLayout } from './saved-layout';

/**
 * Remembers a pane group's sizes per site: the saved sizes are applied when the site is known, and
 * every resize by the user (pointer or keyboard) is saved for that site. `defaultLayout` is for the
 * Group's first render (a group mounted once the site is known starts at its saved sizes).
 */
export function useRememberedLayout(group: string, siteKey: string | null) {
  const groupRef = useGroupRef();
  const [defaultLayout] = useState(() =>
    siteKey === null ? undefined : (readSavedLayout(group, siteKey) ?? undefined),
  );
  useEffect(() => {
    if (siteKey === null) return;
    const saved = readSavedLayout(group, siteKey);
    const current = groupRef.current;
    if (!saved || !current) return;
    const ids = Object.keys(current.getLayout());
    if (ids.length === Object.keys(saved).length && ids.every((id) => id in saved)) current.setLayout(saved);
  }, [group, siteKey, groupRef]);
  const onLayoutChanged = useCallback(
    (layout: Layout, meta: LayoutChangedMeta) => {
      if (siteKey !== null && meta.isUserInteraction) saveLayout(group, siteKey, layout);
    },
    [group, siteKey],
  );
  return { groupRef, onLayoutChanged, defaultLayout };
}
