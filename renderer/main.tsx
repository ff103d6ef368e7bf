import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/connect-api';
import { App } from './app';
import { createAppState } from './state/app-state';
import { AppStateProvider } from './state/app-state-context';
import './styles.css';
import './ui/design.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
try {
  const client = connectApi();
  createRoot(container).render(
    <StrictMode>
      <AppStateProvider state={createAppState(client)}>
        <App client={client} />
      </AppStateProvider>
    </StrictMode>,
  );
} catch (error) {
  container.textContent = (error as Error).message;
}
