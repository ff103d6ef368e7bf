// highlight.js grammar modules (plain JavaScript without types of their own).
declare module 'highlight.js/lib/languages/*' {
  const language: (hljs: unknown) => unknown;
  export default language;
}
