import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/connect-api';
import { App } from './app';
import './styles.css';
import './ui/design.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
try {
  const client = connectApi();
  createRoot(container).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
} catch (error) {
  container.textContent = (error as Error).message;
}
