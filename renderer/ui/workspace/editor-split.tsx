import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { layoutStore } from './layout-store';
import { useRememberedLayout } from './use-remembered-layout';

/**
 * The editing area: the edit column and the preview column side by side in resizable panes
 * (sizes remembered per site). The preview collapses with View > Toggle Preview and in focus mode;
 * the edit column collapses in reading mode.
 */
export function EditorSplit({
  siteKey,
  children,
}: {
  siteKey: string | null;
  children: [ReactNode, ReactNode];
}) {
  const mode = useStore(layoutStore, (layout) => layout.mode);
  const previewShown = useStore(useAppState().view.store, (view) => view.preview);
  const editRef = usePanelRef();
  const previewRef = usePanelRef();
  const { groupRef, onLayoutChanged, defaultLayout } = useRememberedLayout('editor', siteKey);
  const hidePreview = mode === 'focus' || (!previewShown && mode !== 'reading');
  const hideEdit = mode === 'reading';
  useEffect(() => {
    for (const [ref, hide] of [
      [previewRef, hidePreview],
      [editRef, hideEdit],
    ] as const) {
      const panel = ref.current;
      if (!panel) continue;
      if (hide && !panel.isCollapsed()) panel.collapse();
      if (!hide && panel.isCollapsed()) panel.expand();
    }
  }, [hidePreview, hideEdit, editRef, previewRef]);
  return (
    <Group
      className="editor-area pd-editor-split"
      id="postdesk-editor-split"
      groupRef={groupRef}
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
    >
      <Panel id="edit" className="pd-pane pd-pane-edit" panelRef={editRef} minSize="25%" collapsible>
        {children[0]}
      </Panel>
      <Separator className="pd-separator" aria-label="Resize the editor and the preview" />
      <Panel id="preview" className="pd-pane pd-pane-preview" panelRef={previewRef} minSize="20%" collapsible>
        {children[1]}
      </Panel>
    </Group>
  );
}
