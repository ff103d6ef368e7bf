import { lineMarkerAttribute } from './render-body';

/**
 * The preview's sanitising policy, for DOMPurify: what may never reach the preview document, on top
 * of DOMPurify's defaults (which already drop scripts, event handlers, javascript: URLs, and data:
 * URLs anywhere but in images). Only the line markers of renderBody are added to the allowed attributes.
 */
export const sanitizePolicy = {
  FORBID_TAGS: [
    'script',
    'iframe',
    'frame',
    'frameset',
    'embed',
    'object',
    'applet',
    'portal',
    'webview',
    'form',
    'meta',
    'base',
    'link',
    'style',
    'template',
    'noscript',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'dialog',
  ],
  FORBID_ATTR: ['srcdoc', 'formaction', 'action', 'ping', 'background', 'srcset', 'imagesrcset', 'poster'],
  ADD_ATTR: [lineMarkerAttribute],
  ALLOW_DATA_ATTR: false,
};
