import hljs, { type LanguageFn } from 'highlight.js/lib/core';
import langBash from 'highlight.js/lib/languages/bash';
import langC from 'highlight.js/lib/languages/c';
import langCpp from 'highlight.js/lib/languages/cpp';
import langCsharp from 'highlight.js/lib/languages/csharp';
import langCss from 'highlight.js/lib/languages/css';
import langDiff from 'highlight.js/lib/languages/diff';
import langDockerfile from 'highlight.js/lib/languages/dockerfile';
import langElixir from 'highlight.js/lib/languages/elixir';
import langGo from 'highlight.js/lib/languages/go';
import langGraphql from 'highlight.js/lib/languages/graphql';
import langHaskell from 'highlight.js/lib/languages/haskell';
import langIni from 'highlight.js/lib/languages/ini';
import langJava from 'highlight.js/lib/languages/java';
import langJavascript from 'highlight.js/lib/languages/javascript';
import langJson from 'highlight.js/lib/languages/json';
import langKotlin from 'highlight.js/lib/languages/kotlin';
import langLess from 'highlight.js/lib/languages/less';
import langLua from 'highlight.js/lib/languages/lua';
import langMakefile from 'highlight.js/lib/languages/makefile';
import langMarkdown from 'highlight.js/lib/languages/markdown';
import langNginx from 'highlight.js/lib/languages/nginx';
import langObjectivec from 'highlight.js/lib/languages/objectivec';
import langPerl from 'highlight.js/lib/languages/perl';
import langPhp from 'highlight.js/lib/languages/php';
import langPlaintext from 'highlight.js/lib/languages/plaintext';
import langPowershell from 'highlight.js/lib/languages/powershell';
import langPython from 'highlight.js/lib/languages/python';
import langR from 'highlight.js/lib/languages/r';
import langRuby from 'highlight.js/lib/languages/ruby';
import langRust from 'highlight.js/lib/languages/rust';
import langScala from 'highlight.js/lib/languages/scala';
import langScss from 'highlight.js/lib/languages/scss';
import langShell from 'highlight.js/lib/languages/shell';
import langSql from 'highlight.js/lib/languages/sql';
import langSwift from 'highlight.js/lib/languages/swift';
import langTypescript from 'highlight.js/lib/languages/typescript';
import langXml from 'highlight.js/lib/languages/xml';
import langYaml from 'highlight.js/lib/languages/yaml';

const languages: Record<string, LanguageFn> = {
  bash: langBash,
  c: langC,
  cpp: langCpp,
  csharp: langCsharp,
  css: langCss,
  diff: langDiff,
  dockerfile: langDockerfile,
  elixir: langElixir,
  go: langGo,
  graphql: langGraphql,
  haskell: langHaskell,
  ini: langIni,
  java: langJava,
  javascript: langJavascript,
  json: langJson,
  kotlin: langKotlin,
  less: langLess,
  lua: langLua,
  makefile: langMakefile,
  markdown: langMarkdown,
  nginx: langNginx,
  objectivec: langObjectivec,
  perl: langPerl,
  php: langPhp,
  plaintext: langPlaintext,
  powershell: langPowershell,
  python: langPython,
  r: langR,
  ruby: langRuby,
  rust: langRust,
  scala: langScala,
  scss: langScss,
  shell: langShell,
  sql: langSql,
  swift: langSwift,
  typescript: langTypescript,
  xml: langXml,
  yaml: langYaml,
};

/** Names Hugo and kramdown use that highlight.js knows by another name. */
const aliases: Record<string, string> = {
  sh: 'bash',
  zsh: 'bash',
  console: 'shell',
  html: 'xml',
  'go-html-template': 'xml',
  'go-text-template': 'plaintext',
  svg: 'xml',
  toml: 'ini',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  yml: 'yaml',
  md: 'markdown',
  golang: 'go',
  'c++': 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  ps1: 'powershell',
  text: 'plaintext',
  txt: 'plaintext',
  docker: 'dockerfile',
  make: 'makefile',
  hs: 'haskell',
  ex: 'elixir',
  jsonc: 'json',
  json5: 'json',
  postgres: 'sql',
  postgresql: 'sql',
  objc: 'objectivec',
};

/** The languages the preview highlights (highlight.js names), for tests and the README. */
export const highlightedLanguages = Object.keys(languages);

const registered = new Set<string>();

/** The highlight.js name for a fence's language, registering its grammar on first use; null when unknown. */
function languageFor(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const known = aliases[lower] ?? lower;
  const grammar = Object.prototype.hasOwnProperty.call(languages, known) ? languages[known] : undefined;
  if (!grammar) return null;
  if (!registered.has(known)) {
    hljs.registerLanguage(known, grammar);
    registered.add(known);
  }
  return known;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Code longer than this is shown escaped but not highlighted (the highlighter's cost grows with it). */
const maxHighlightLength = 200_000;

/**
 * A code block as preview HTML: `<pre><code class="hljs language-x">` with highlight.js's token
 * spans (class names only) when the language is known, else the code escaped. Pure, synchronous.
 */
export function highlightCode(code: string, language: string | undefined): string {
  const first = (language ?? '').trim().split(/[\s{,]/)[0] ?? '';
  const name = first === '' ? null : languageFor(first);
  const label = /^[A-Za-z0-9_+#-]{1,40}$/.test(first) ? ` language-${first}` : '';
  if (name === null || code.length > maxHighlightLength) {
    return `<pre><code class="hljs${label}">${escapeHtml(code)}</code></pre>\n`;
  }
  const html = hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  return `<pre><code class="hljs${label}">${html}</code></pre>\n`;
}
