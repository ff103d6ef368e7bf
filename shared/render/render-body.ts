import { Marked } from 'marked';
import type { BodyKind } from '../api';

const markdown = new Marked({ gfm: true, async: false });

/**
 * Turns a post body into preview HTML: Markdown through marked (GFM, HTML blocks kept), raw-HTML
 * bodies as they are. The result is NOT safe to show: it must pass the sanitiser first.
 */
export function renderBody(body: string, kind: BodyKind): string {
  if (kind === 'html') return body;
  return markdown.parse(body) as string;
}
