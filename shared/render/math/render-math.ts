import katex from 'katex';
import type { MarkedExtension, Tokens } from 'marked';

/** Formulas longer than this are shown as written. */
const maxFormulaLength = 10_000;

/** A formula as KaTeX HTML (no trust: no \href, \url or \includegraphics; errors shown inline, never thrown). */
export function renderMath(tex: string, display: boolean): string {
  if (tex.length > maxFormulaLength)
    return `<code>${tex.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 500,
    output: 'htmlAndMathml',
  });
}

interface MathToken extends Tokens.Generic {
  text: string;
  display: boolean;
}

const blockStart = /^(\$\$|\\\[)[ \t]*\n?([\s\S]{1,10000}?)\n?[ \t]*(\$\$|\\\])[ \t]*(?:\n|$)/;
const inlineDollar = /^\$(?!\s)((?:\\.|[^\\$\n]){1,1000}?)(?<!\s)\$(?![0-9])/;
const inlineParen = /^\\\(((?:\\.|[^\n]){1,1000}?)\\\)/;

/**
 * A marked extension for math as Hugo's passthrough and kramdown write it: `$$...$$` and `\[...\]`
 * blocks, `$...$` and `\(...\)` inline (not inside code), rendered with KaTeX.
 */
export function mathExtension(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src: string) => {
          const dollar = src.indexOf('$$');
          const bracket = src.indexOf('\\[');
          const found = [dollar, bracket].filter((index) => index !== -1);
          return found.length === 0 ? undefined : Math.min(...found);
        },
        tokenizer(src: string): MathToken | undefined {
          const match = blockStart.exec(src);
          if (!match || (match[1] === '$$') !== (match[3] === '$$')) return undefined;
          return { type: 'mathBlock', raw: match[0], text: match[2] ?? '', display: true };
        },
        renderer: (token) => `<div class="pd-math">${renderMath((token as MathToken).text, true)}</div>\n`,
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: (src: string) => {
          const dollar = src.indexOf('$');
          const paren = src.indexOf('\\(');
          const found = [dollar, paren].filter((index) => index !== -1);
          return found.length === 0 ? undefined : Math.min(...found);
        },
        tokenizer(src: string): MathToken | undefined {
          const match = inlineDollar.exec(src) ?? inlineParen.exec(src);
          if (!match) return undefined;
          return { type: 'mathInline', raw: match[0], text: match[1] ?? '', display: false };
        },
        renderer: (token) => renderMath((token as MathToken).text, false),
      },
    ],
  };
}
