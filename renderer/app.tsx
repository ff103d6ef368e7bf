import { useCallback, useEffect, useMemo } from 'react';
import { siteFileForUrl } from '../shared/render/asset-paths';
import type { PostdeskClient } from './api/connect-api';
import { lockedFrontMatterReason } from '../shared/post/locked-front-matter';
import { splitFrontMatter } from '../shared/post/split-front-matter';
import { BodyEditor, bodyLinter, imageEditorExtensions, siteFileChecker } from './features/lazy/lazy-editor';
import { useBodyMode } from './features/editor/body-mode';
import { usePreviewStylesheet } from './features/preview/use-preview-stylesheet';
import { LibrarySidebar } from './features/library/library-sidebar';
import { PostActionsBar } from './features/post-actions/post-actions-bar';
import {
  DiskConflictPanel,
  FrontMatterForm,
  LockedFrontMatter,
  PostTools,
  PreviewTabs,
  ProblemsList,
} from './features/lazy/lazy-views';
import { StatusBar } from './features/status/status-bar';
import { GitStatusLine } from './features/changes/git-status-line';
import { useStore } from './state/create-store';
import { useAppCommands, switchToPost } from './features/commands/use-app-commands';
import { commandRegistry } from './features/commands/command-registry';
import { UnsavedPrompt } from './features/commands/unsaved-prompt';
import { closeDocument } from './features/commands/leave-document';
import { DocumentTabs } from './features/tabs/document-tabs';
import { rememberTabViews, type TabView } from './features/tabs/tab-view-memory';
import { useTabSession } from './features/tabs/use-tab-session';
import { scheduleBackups } from './features/recovery/backup-scheduler';
import {
  BulkEditBar,
  ChangesPanel,
  ImageTools,
  Palettes,
  PostdeskProblems,
  RecoveryDialog,
  SearchPanel,
  TaxonomyView,
} from './features/lazy/lazy-panels';
import { useTheme } from './features/theme/use-theme';
import { useAppState } from './state/app-state-context';
import { isDirty } from './state/document-store';
import { EditorSplit } from './ui/workspace/editor-split';
import { Workspace } from './ui/workspace/workspace';

/** The Postdesk window: post list, front matter, body editor, preview and status line. */
export function App({ client }: { client: PostdeskClient }) {
  const { api, assetUrl } = client;
  const appState = useAppState();
  const { library, documents } = appState;
  const site = useStore(library.store, (value) => value.site);
  const posts = useStore(library.store, (value) => value.posts);
  const state = useStore(documents.active);
  const doc = state.status === 'open' ? state.doc : null;
  const view = useStore(appState.view.store);
  const commandFailure = useStore(commandRegistry.failure);
  useTheme();

  const refresh = useCallback(() => void library.refresh(), [library]);
  const open = useCallback((id: string) => void documents.open(id), [documents]);

  useEffect(() => {
    void library.open();
    const queueListChange = library.postChangeQueue(refresh);
    return api.on('postChanged', (event) => {
      queueListChange(event);
      void documents.applyDiskChange(event);
    });
  }, [api, library, documents, refresh]);

  const refreshAfterSave = useCallback(() => library.refresh(), [library]);
  // After a post action (rename, delete...), a clean tab whose post is gone closes, as it did before tabs.
  const refreshAfterAction = useCallback(async () => {
    await library.refresh();
    const active = documents.active.get();
    if (active.status !== 'open' || isDirty(active.doc)) return;
    const { id } = active.doc;
    if (!library.store.get().posts.some((post) => post.id === id)) documents.closeTab(id);
  }, [library, documents]);
  const closeTab = useCallback((id: string) => void closeDocument(appState, id), [appState]);
  useAppCommands(appState, client.capabilities, refreshAfterSave);
  useEffect(() => scheduleBackups(appState), [appState]);
  const tabViews = useMemo(() => new Map<string, TabView>(), []);
  useEffect(() => rememberTabViews(documents, tabViews), [documents, tabViews]);
  useTabSession(appState, tabViews);
  useEffect(() => appState.git.watch(), [appState]);
  useEffect(
    () =>
      api.on('siteOpened', () => {
        documents.closeAll();
        void library.open();
      }),
    [api, library, documents],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void documents.save().then((saved) => saved && refresh());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [documents, refresh]);

  const docId = doc?.id ?? null;
  const staticDir = site?.staticDir ?? null;
  const rewriteImage = useCallback(
    (src: string) => {
      const id = docId === null ? null : siteFileForUrl(src, staticDir, docId);
      return id === null ? null : assetUrl(id);
    },
    [docId, staticDir, assetUrl],
  );

  const [kind, setKind] = useBodyMode(doc ? { id: doc.id, bodyKind: doc.bodyKind } : null);
  const existingFiles = useMemo(() => siteFileChecker(api), [api]);
  const editorExtensions = useMemo(
    () =>
      docId === null
        ? imageEditorExtensions
        : [...imageEditorExtensions, bodyLinter({ postId: docId, kind, staticDir, existingFiles })],
    [docId, kind, staticDir, existingFiles],
  );
  const stylesheetUrl = usePreviewStylesheet(api, assetUrl, site);

  const generator = site?.generator ?? null;
  const parts = useMemo(() => {
    if (!doc) return null;
    const split = splitFrontMatter(doc.text);
    return {
      raw: doc.text.slice(split.rawStart, split.rawEnd),
      format: split.error ? null : split.format,
      body: doc.text.slice(doc.bodyStart),
      locked: lockedFrontMatterReason(doc.text, split, generator),
    };
  }, [doc, generator]);

  return (
    <div
      className={`app${view.preview ? '' : ' hide-preview'}${view.form ? '' : ' hide-form'}`}
      data-ready={site ? 'true' : 'false'}
    >
      <Workspace
        siteKey={site?.root ?? null}
        sidebar={
          <LibrarySidebar
            selectedId={doc?.id ?? null}
            onOpen={open}
            actions={
              <PostActionsBar
                api={api}
                site={site}
                selectedId={doc?.id ?? null}
                onChanged={refreshAfterAction}
              />
            }
          />
        }
      >
        <main className="workspace">
          <SearchPanel api={api} />
          <DocumentTabs posts={posts} onClose={closeTab} />
          {state.status === 'empty' ? <p className="placeholder">Choose a post to edit.</p> : null}
          {state.status === 'loading' ? <p className="placeholder">Opening {state.id}…</p> : null}
          {state.status === 'failed' ? (
            <p role="alert">
              Could not open {state.id}: {state.message}
            </p>
          ) : null}
          {doc ? <DiskConflictPanel doc={doc} onSaved={refresh} /> : null}
          {doc && parts ? (
            <EditorSplit siteKey={site?.root ?? null}>
              <div className="edit-column">
                <h2 className="post-id">{doc.id}</h2>
                {parts.locked ? (
                  <LockedFrontMatter raw={parts.raw} reason={parts.locked} />
                ) : (
                  <FrontMatterForm raw={parts.raw} format={parts.format} api={api} />
                )}
                <BodyEditor
                  key={`${doc.id}#${doc.loads}`}
                  value={parts.body}
                  kind={kind}
                  onKindChange={setKind}
                  onChange={documents.setBody}
                  extensions={editorExtensions}
                />
                <ProblemsList postId={doc.id} text={doc.text} />
                <PostTools id={doc.id} raw={parts.raw} format={parts.format} body={parts.body} kind={kind} />
              </div>
              <div className="preview-column">
                <PreviewTabs
                  {...{
                    api,
                    site,
                    posts,
                    postId: doc.id,
                    text: doc.text,
                    body: parts.body,
                    kind,
                    rewriteImage,
                    stylesheetUrl,
                  }}
                  frontMatter={parts}
                  mdx={/\.mdx$/i.test(doc.id)}
                />
              </div>
            </EditorSplit>
          ) : null}
          <StatusBar doc={doc} body={parts?.body} kind={doc ? kind : undefined}>
            <GitStatusLine />
          </StatusBar>
          <ChangesPanel api={api} openId={docId} />
          <BulkEditBar api={api} />
          <ImageTools client={client} site={site} />
          {commandFailure ? (
            <p role="alert" className="command-failure">
              {commandFailure}
            </p>
          ) : null}
        </main>
      </Workspace>
      <Palettes posts={posts} onOpenPost={(id) => void switchToPost(appState, id)} />
      <TaxonomyView />
      <UnsavedPrompt />
      <RecoveryDialog api={api} siteRoot={site?.root ?? null} />
      <PostdeskProblems api={api} capabilities={client.capabilities} />
    </div>
  );
}
