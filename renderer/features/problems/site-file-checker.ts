import type { PostdeskApi } from '../../../shared/api';

const existenceTtlMs = 5_000;

/**
 * Asks the host which site files exist, remembering answers for a few seconds so that a lint run
 * after each pause in typing asks only about paths it has not just asked about.
 */
export function siteFileChecker(api: PostdeskApi): (ids: string[]) => Promise<Set<string>> {
  const known = new Map<string, { exists: boolean; at: number }>();
  return async (ids) => {
    const now = Date.now();
    const unknown = [...new Set(ids)].filter((id) => {
      const entry = known.get(id);
      return !entry || now - entry.at > existenceTtlMs;
    });
    if (unknown.length > 0) {
      const { existing } = await api.checkSiteFiles({ ids: unknown.slice(0, 5000) });
      const found = new Set(existing);
      for (const id of unknown) known.set(id, { exists: found.has(id), at: now });
    }
    return new Set(ids.filter((id) => known.get(id)?.exists));
  };
}
