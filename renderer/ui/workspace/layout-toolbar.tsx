import { BookOpen, Focus, PanelLeft } from 'lucide-react';
import { useStore } from '../../state/create-store';
import { IconButton } from '../icon-button';
import { layoutStore, setSidebarCollapsed, toggleLayoutMode } from './layout-store';

/** The View group of the site header: show/hide the sidebar, focus mode, reading (preview-only) mode. */
export function LayoutToolbar() {
  const layout = useStore(layoutStore);
  return (
    <div className="pd-toolbar-group" role="toolbar" aria-label="Layout">
      <IconButton
        icon={PanelLeft}
        label="Show sidebar"
        pressed={!layout.sidebarCollapsed && layout.mode === 'panes'}
        disabled={layout.mode !== 'panes'}
        onClick={() => setSidebarCollapsed(!layout.sidebarCollapsed)}
      />
      <IconButton
        icon={Focus}
        label="Focus mode"
        pressed={layout.mode === 'focus'}
        onClick={() => toggleLayoutMode('focus')}
      />
      <IconButton
        icon={BookOpen}
        label="Reading mode"
        pressed={layout.mode === 'reading'}
        onClick={() => toggleLayoutMode('reading')}
      />
    </div>
  );
}
