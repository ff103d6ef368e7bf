import type { BodyKind, FrontMatterFormat } from '../../../shared/api';
import { SeoPanel } from '../seo/seo-panel';
import { OutlinePanel } from './outline-panel';

/** The writer's tools under the editor: the post's outline and its SEO panel, each foldable. */
export function PostTools(props: {
  id: string;
  raw: string;
  format: FrontMatterFormat | null;
  body: string;
  kind: BodyKind;
}) {
  return (
    <section className="post-tools" aria-label="Post tools">
      <details className="post-tool" open>
        <summary>Outline</summary>
        <OutlinePanel body={props.body} kind={props.kind} />
      </details>
      <details className="post-tool">
        <summary>SEO</summary>
        <SeoPanel id={props.id} raw={props.raw} format={props.format} body={props.body} />
      </details>
    </section>
  );
}
