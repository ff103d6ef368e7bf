import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PostSummary, SiteInfo } from '../shared/api';
import { siteFileForUrl } from '../shared/render/asset-paths';
import type { PostdeskClient } from './api/connect-api';
import { splitFrontMatter } from '../shared/post/split-front-matter';
import { BodyEditor } from './features/editor/body-editor';
import { FrontMatterForm } from './features/frontmatter/front-matter-form';
import { PostList } from './features/library/post-list';
import { PreviewFrame } from './features/preview/preview-frame';
import { StatusBar } from './features/status/status-bar';
import { useStore } from './state/create-store';
import { documentStore, openDocument, saveDocument, setBody } from './state/document-store';

/** The Postdesk window: post list, front matter, body editor, preview and status line. */
export function App({ client }: { client: PostdeskClient }) {
  const { api, assetUrl } = client;
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const state = useStore(documentStore);
  const doc = state.status === 'open' ? state.doc : null;

  const refresh = useCallback(async () => {
    setPosts(await api.listPosts({}));
  }, [api]);

  useEffect(() => {
    api
      .openSite({})
      .then(async (info) => {
        setSite(info);
        await refresh();
      })
      .catch((error: unknown) => setLoadError((error as Error).message));
    return api.on('postChanged', () => void refresh());
  }, [api, refresh]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveDocument(api).then(refresh);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, refresh]);

  const docId = doc?.id ?? null;
  const staticDir = site?.staticDir ?? null;
  const rewriteImage = useCallback(
    (src: string) => {
      const id = docId === null ? null : siteFileForUrl(src, staticDir, docId);
      return id === null ? null : assetUrl(id);
    },
    [docId, staticDir, assetUrl],
  );

  const parts = useMemo(() => {
    if (!doc) return null;
    const split = splitFrontMatter(doc.text);
    return {
      raw: doc.text.slice(split.rawStart, split.rawEnd),
      format: split.error ? null : split.format,
      body: doc.text.slice(doc.bodyStart),
    };
  }, [doc]);

  return (
    <div className="app" data-ready={site ? 'true' : 'false'}>
      <aside className="sidebar">
        <h1 className="site-name">{site?.name ?? 'Postdesk'}</h1>
        {site?.notice ? <p className="notice">{site.notice}</p> : null}
        {loadError ? <p role="alert">{loadError}</p> : null}
        <PostList posts={posts} selectedId={doc?.id ?? null} onOpen={(id) => void openDocument(api, id)} />
      </aside>
      <main className="workspace">
        {state.status === 'empty' ? <p className="placeholder">Choose a post to edit.</p> : null}
        {state.status === 'loading' ? <p className="placeholder">Opening {state.id}…</p> : null}
        {state.status === 'failed' ? (
          <p role="alert">
            Could not open {state.id}: {state.message}
          </p>
        ) : null}
        {doc && parts ? (
          <div className="editor-area">
            <div className="edit-column">
              <h2 className="post-id">{doc.id}</h2>
              <FrontMatterForm raw={parts.raw} format={parts.format} api={api} posts={posts} />
              <BodyEditor key={doc.id} value={parts.body} kind={doc.bodyKind} onChange={setBody} />
            </div>
            <div className="preview-column">
              <PreviewFrame body={parts.body} kind={doc.bodyKind} rewriteImage={rewriteImage} />
            </div>
          </div>
        ) : null}
        <StatusBar doc={doc} />
      </main>
    </div>
  );
}
