import { useEffect, useState } from 'react';
import type { PostdeskApi, SiteSchema } from '../../../shared/api';

const emptySchema: SiteSchema = { fields: [], autoUpdateField: null, sources: [], problems: [] };

/** The open site's front matter schema (empty until it loads, or when the host cannot read one). */
export function useSiteSchema(api: PostdeskApi): SiteSchema {
  const [schema, setSchema] = useState<SiteSchema>(emptySchema);
  useEffect(() => {
    let live = true;
    api
      .readSiteSchema({})
      .then((value) => {
        if (live) setSchema(value);
      })
      .catch((error: unknown) => {
        if (live) setSchema({ ...emptySchema, problems: [(error as Error).message] });
      });
    return () => {
      live = false;
    };
  }, [api]);
  return schema;
}
