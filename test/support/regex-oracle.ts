// The content checks' former regex scanners, kept as oracles: on small inputs (where their
// quadratic cost does not matter) the linear scanners must find exactly what these found.

/** A start tag as the former regex scanner found it. */
export interface OracleTag {
  from: number;
  to: number;
  attributes: { name: string; value: string; valueFrom: number; valueTo: number }[];
}

const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The former findTags: `<name` + `[^>]*` + `>`, attributes by regex. */
export function oracleFindTags(text: string, name: string): OracleTag[] {
  const found: OracleTag[] = [];
  const pattern = new RegExp(`<${name}(?=[\\s/>])([^>]*)>`, 'gi');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const inner = match[1] ?? '';
    const innerStart = match.index + 1 + name.length;
    const attributes: OracleTag['attributes'] = [];
    attributePattern.lastIndex = 0;
    for (let attr = attributePattern.exec(inner); attr; attr = attributePattern.exec(inner)) {
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      const quoted = attr[2] !== undefined || attr[3] !== undefined;
      const valueEnd = innerStart + attr.index + attr[0].length - (quoted ? 1 : 0);
      attributes.push({
        name: (attr[1] ?? '').toLowerCase(),
        value,
        valueFrom: valueEnd - value.length,
        valueTo: valueEnd,
      });
    }
    found.push({ from: match.index, to: match.index + match[0].length, attributes });
  }
  return found;
}

/** The former Markdown link pattern of findSiteRefs: each match's image flag, URL and URL offset. */
export function oracleMarkdownLinks(text: string): { image: boolean; url: string; from: number }[] {
  const links: { image: boolean; url: string; from: number }[] = [];
  const pattern = /(!?)\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const url = match[2] ?? '';
    const from = match.index + match[0].indexOf(url, match[0].indexOf(']('));
    links.push({ image: match[1] === '!', url, from });
  }
  return links;
}

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** The former isBalancedHtml (comments stripped by regex, tags counted by regex). */
export function oracleIsBalancedHtml(html: string): boolean {
  const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
  const counts = new Map<string, number>();
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (let match = tagPattern.exec(text); match; match = tagPattern.exec(text)) {
    const name = (match[2] ?? '').toLowerCase();
    if (voidElements.has(name) || match[3] === '/') continue;
    counts.set(name, (counts.get(name) ?? 0) + (match[1] === '/' ? -1 : 1));
  }
  for (const count of counts.values()) if (count !== 0) return false;
  return true;
}
