import DOMPurify from 'dompurify';
import { sanitizePolicy } from '../../../shared/render/sanitize-policy';

/** Makes preview HTML safe to insert: scripts, handlers, frames, forms and unsafe URLs removed. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, { ...sanitizePolicy }) as string;
}
