// highlight.js grammar modules (plain JavaScript without types of their own).
declare module 'highlight.js/lib/languages/*' {
  const language: (hljs: unknown) => unknown;
  // eslint-disable-next-line no-restricted-syntax -- the package's own default export
  export default language;
}
