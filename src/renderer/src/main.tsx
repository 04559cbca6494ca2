import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DatabaseGate } from './conversations/database/DatabaseGate';
import './markdown/markdown.css';
import { installLinkOpener } from './chat/message/link-opening';
import { warmMathFonts } from './chat/message/math-fonts';
import { installShell } from './shell';
import './styles.css';

installShell();
installLinkOpener();
warmMathFonts();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <DatabaseGate>
      <App />
    </DatabaseGate>
  </StrictMode>,
);
