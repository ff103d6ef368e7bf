/**
 * The preview's sanitising policy, for DOMPurify: what may never reach the preview document, on top
 * of DOMPurify's defaults (which already drop scripts, event handlers, javascript: URLs, and data:
 * URLs anywhere but in images).
 */
export const sanitizePolicy = {
  FORBID_TAGS: [
    'script',
    'iframe',
    'frame',
    'frameset',
    'embed',
    'object',
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
  ],
  FORBID_ATTR: ['srcdoc', 'formaction', 'action', 'ping', 'background'],
  ALLOW_DATA_ATTR: false,
};
