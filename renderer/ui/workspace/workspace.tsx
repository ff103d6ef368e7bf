import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useStore } from '../../state/create-store';
import { layoutStore, setSidebarCollapsed } from './layout-store';
import { LayoutToolbar } from './layout-toolbar';
import { useRememberedLayout } from './use-remembered-layout';

/**
 * The window's frame: a header bar (the layout toolbar) over two resizable panes, the
 * sidebar and the main area; the sidebar collapses (button, or dragging it closed) and hides in
 * focus and reading modes. Its width is remembered per site (`siteKey`).
 */
export function Workspace({
  siteKey,
  sidebar,
  children,
}: {
  siteKey: string | null;
  sidebar: ReactNode;
  children: ReactNode;
}) {
  const layout = useStore(layoutStore);
  const sidebarRef = usePanelRef();
  const { groupRef, onLayoutChanged, defaultLayout } = useRememberedLayout('sidebar', siteKey);
  const hidden = layout.sidebarCollapsed || layout.mode !== 'panes';
  useEffect(() => {
    const panel = sidebarRef.current;
    if (!panel) return;
    if (hidden && !panel.isCollapsed()) panel.collapse();
    if (!hidden && panel.isCollapsed()) panel.expand();
  }, [hidden, sidebarRef]);
  return (
    <div className="pd-shell" data-layout={layout.mode}>
      <header className="pd-site-header">
        <span className="pd-brand" aria-hidden="true">
          Postdesk
        </span>
        <LayoutToolbar />
      </header>
      <Group
        className="pd-panes"
        id="postdesk-workspace"
        groupRef={groupRef}
        defaultLayout={defaultLayout}
        onLayoutChanged={onLayoutChanged}
      >
        <Panel
          id="sidebar"
          className="pd-pane pd-pane-sidebar"
          panelRef={sidebarRef}
          defaultSize="300px"
          minSize="200px"
          maxSize="45%"
          collapsible
          groupResizeBehavior="preserve-pixel-size"
          onResize={(size) => {
            if (layoutStore.get().mode === 'panes') setSidebarCollapsed(size.inPixels === 0);
          }}
        >
          {sidebar}
        </Panel>
        <Separator className="pd-separator" aria-label="Resize the sidebar" />
        <Panel id="main" className="pd-pane pd-pane-main" minSize="30%">
          {children}
        </Panel>
      </Group>
    </div>
  );
}
