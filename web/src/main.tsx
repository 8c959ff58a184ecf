import '@utrecht/component-library-css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import 'leaflet/dist/leaflet.css';
import './theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { RouterProvider } from './router.tsx';
import { UiConfigProvider } from './ui-config.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UiConfigProvider>
      <I18nProvider>
        <RouterProvider>
          <App />
        </RouterProvider>
      </I18nProvider>
    </UiConfigProvider>
  </StrictMode>,
);
