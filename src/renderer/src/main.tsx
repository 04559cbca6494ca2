import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './markdown/markdown.css';
import { installLinkOpener } from './message/link-opening';
import { installShell } from './shell';
import './styles.css';

installShell();
installLinkOpener();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
