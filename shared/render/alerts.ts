import type { MarkedExtension, Token, Tokens } from 'marked';

/** The alert kinds of GitHub and Hugo (`> [!NOTE]`), with their titles. */
export const alertKinds = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
} as const;

type AlertKind = keyof typeof alertKinds;

// Anchored and bounded: the marker alone on the first line of the quote.
const marker = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A marked extension that renders GitHub/Hugo alerts: a blockquote whose first line is `[!NOTE]`,
 * `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` becomes
 * `<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">Note</p>…</div>`
 * (the marker must stand alone on its line, as on GitHub). Other quotes are left alone.
 * Each quote's first text is tested once (an anchored pattern): linear.
 */
export function alertsExtension(): MarkedExtension {
  return {
    renderer: {
      blockquote(token) {
        const found = alertOf(token);
        if (!found) return false;
        const inner = this.parser.parse(found.tokens);
        return `<div class="markdown-alert markdown-alert-${found.kind}"><p class="markdown-alert-title">${escapeHtml(alertKinds[found.kind])}</p>\n${inner}</div>\n`;
      },
    },
  };
}

/**
 * The alert a quote is, and its content without the marker (copies: the lexer's tokens stay as
 * they are, so a block rendered again renders the same), or null for a plain quote.
 */
function alertOf(quote: Tokens.Blockquote): { kind: AlertKind; tokens: Token[] } | null {
  const first = quote.tokens[0];
  if (first?.type !== 'paragraph') return null;
  const paragraph = first as Tokens.Paragraph;
  const lead = paragraph.tokens[0];
  if (lead?.type !== 'text') return null;
  const leadText = lead as Tokens.Text;
  const found = marker.exec(leadText.text);
  if (!found) return null;
  const kind = found[1]!.toLowerCase() as AlertKind;
  const rest = leadText.text.slice(found[0].length);
  const inline: Token[] = [
    ...(rest === '' ? [] : [{ ...leadText, text: rest, raw: rest }]),
    ...paragraph.tokens.slice(1),
  ];
  const tokens: Token[] =
    inline.length === 0
      ? quote.tokens.slice(1)
      : [{ ...paragraph, tokens: inline }, ...quote.tokens.slice(1)];
  return { kind, tokens };
}
