import katexStyles from 'katex/dist/katex.min.css?inline';
import githubDark from 'highlight.js/styles/github-dark.min.css?inline';
import github from 'highlight.js/styles/github.min.css?inline';
import monokai from 'highlight.js/styles/monokai.min.css?inline';
import nord from 'highlight.js/styles/nord.min.css?inline';
import vs from 'highlight.js/styles/vs.min.css?inline';
import vs2015 from 'highlight.js/styles/vs2015.min.css?inline';
import xcode from 'highlight.js/styles/xcode.min.css?inline';
import dracula from 'highlight.js/styles/base16/dracula.min.css?inline';
import solarizedDark from 'highlight.js/styles/base16/solarized-dark.min.css?inline';
import solarizedLight from 'highlight.js/styles/base16/solarized-light.min.css?inline';

/** highlight.js themes for the Chroma style names Hugo sites name in `markup.highlight.style`. */
const byHugoStyle: Record<string, string> = {
  github,
  'github-dark': githubDark,
  monokai,
  monokailight: github,
  nord,
  vs,
  vs2015,
  xcode,
  'xcode-dark': vs2015,
  dracula,
  'solarized-dark': solarizedDark,
  'solarized-dark256': solarizedDark,
  'solarized-light': solarizedLight,
};

/**
 * The code highlighting stylesheet of the preview: the site's own style when it names one Postdesk
 * knows, else GitHub's light or dark pair following the app's theme.
 */
export function codeStylesheet(hugoStyle: string | null, theme: 'light' | 'dark'): string {
  const named = hugoStyle === null ? undefined : byHugoStyle[hugoStyle.toLowerCase()];
  return named ?? (theme === 'dark' ? githubDark : github);
}

/** KaTeX's stylesheet (its fonts come from the app's own assets). */
export const mathStyles = katexStyles;

/** Styles of the labelled placeholders (shortcode chips, embed boxes, figures) inside the preview. */
export const placeholderStyles = `
.pd-sc{display:inline-block;font:12px/1.5 system-ui,sans-serif;background:#eef2ff;color:#312e81;border:1px solid #c7d2fe;border-radius:4px;padding:0 .4em;margin:0 .1em}
.pd-sc-name{font-weight:600}.pd-sc-arg{color:#4338ca}.pd-sc-arg::before{content:""}
.pd-sc-stray,.pd-sc-missing{background:#fef2f2;color:#991b1b;border-color:#fecaca}
.pd-sc-block{border:1px dashed #a5b4fc;border-radius:6px;margin:1em 0;padding:.25em .75em}
.pd-sc-head{margin:.25em 0}
.pd-embed{display:flex;flex-direction:column;justify-content:center;gap:.25em;aspect-ratio:16/9;max-width:32rem;background:#111827;color:#f9fafb;border-radius:8px;padding:1rem;margin:1em 0;font:14px/1.4 system-ui,sans-serif}
.pd-embed-x,.pd-embed-instagram,.pd-embed-gist,.pd-embed-qr{aspect-ratio:auto;background:#f3f4f6;color:#111827;border:1px solid #d1d5db}
.pd-embed-label{font-weight:600}.pd-embed-label::before{content:"▶ ";}
.pd-embed-x .pd-embed-label::before,.pd-embed-instagram .pd-embed-label::before,.pd-embed-gist .pd-embed-label::before,.pd-embed-qr .pd-embed-label::before{content:""}
.pd-embed-id{font-family:ui-monospace,monospace;font-size:12px;opacity:.8}
.pd-embed a{color:inherit;word-break:break-all}
.pd-figure{margin:1em 0}.pd-figure figcaption{font-size:.9em;color:#555}.pd-figure figcaption h4{margin:.25em 0}
pre:has(>code.hljs){padding:0;background:none}
`;
