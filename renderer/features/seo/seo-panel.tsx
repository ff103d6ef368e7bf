import type { FrontMatterFormat } from '../../../shared/api';
import { readFrontMatter } from '../../../shared/post/front-matter/front-matter-edit';
import { isFmMap } from '../../../shared/post/front-matter/located-tree';
import { seoFacts, type LengthFact } from '../../../shared/post/seo-facts';
import { useIdleValue } from '../outline/use-idle-value';
import '../outline/post-tools.css';

const descriptionKeys = ['description', 'summary', 'excerpt', 'subtitle'];

function textValue(data: unknown, keys: readonly string[]): string | null {
  if (!isFmMap(data)) return null;
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

function lengthLine(label: string, fact: LengthFact) {
  const advice =
    fact.verdict === 'good'
      ? 'good'
      : fact.verdict === 'missing'
        ? 'missing'
        : fact.verdict === 'short'
          ? 'could be longer'
          : 'too long';
  return (
    <p className={`seo-length seo-${fact.verdict}`}>
      <span className="seo-label">{label}</span> {fact.length} characters (aim for {fact.range[0]}–
      {fact.range[1]}): {advice}
    </p>
  );
}

function cut(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * The SEO panel: title and description lengths against the usual limits, the slug, a preview of the
 * post as a search result, and warnings in plain words (no description, images without alt text).
 */
export function SeoPanel({
  id,
  raw,
  format,
  body,
}: {
  id: string;
  raw: string;
  format: FrontMatterFormat | null;
  body: string;
}) {
  const facts = useIdleValue(() => {
    const read = format ? readFrontMatter(raw, format) : null;
    const data = read?.ok ? read.data : null;
    return {
      ...seoFacts({
        id,
        title: textValue(data, ['title']) ?? '',
        description: textValue(data, descriptionKeys) ?? '',
        slug: textValue(data, ['slug']),
        body,
      }),
      titleText: textValue(data, ['title']) ?? '',
      descriptionText: textValue(data, descriptionKeys) ?? '',
    };
  }, [id, raw, format, body]);
  return (
    <div className="seo-panel">
      {lengthLine('Title', facts.title)}
      {lengthLine('Description', facts.description)}
      <p className="seo-slug">
        <span className="seo-label">Slug</span> <code>{facts.slug.value}</code>
      </p>
      <figure className="seo-result" aria-label="Search result preview">
        <p className="seo-result-url">…/{facts.slug.value}/</p>
        <p className="seo-result-title">{cut(facts.titleText || id, 60)}</p>
        <p className="seo-result-description">
          {cut(facts.descriptionText || body.replace(/<[^>]*>|[#*_`>]/g, ''), 160)}
        </p>
      </figure>
      {facts.warnings.length > 0 ? (
        <ul className="seo-warnings" aria-label="SEO warnings">
          {facts.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : (
        <p className="post-tools-empty">Nothing to improve.</p>
      )}
    </div>
  );
}
