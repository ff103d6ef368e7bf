// The part of highlight.js core the preview uses. tsconfig's `paths` points `highlight.js/lib/core`
// here because the package's own types reference the DOM lib, which the Node-side build must not see.

/** A highlight.js grammar module's default export. */
export type LanguageFn = (hljs: unknown) => unknown;

/** highlight.js core: grammars registered by name, code highlighted into class-only spans. */
declare const hljs: {
  registerLanguage(name: string, language: LanguageFn): void;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): { value: string };
};
// eslint-disable-next-line no-restricted-syntax -- the package's own default export
export default hljs;
