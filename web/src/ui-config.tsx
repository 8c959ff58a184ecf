import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { UiConfig } from './api/contract.ts';
import { getUiConfig } from './api/resident.ts';

/** Used until /api/v1/ui-config answers, and when it cannot: the UI must work without it. */
const fallback: UiConfig = {
  municipalityCode: 'GM0392',
  municipalityName: 'Haarlem',
  timeZone: null, // the browser's own zone until the server names the municipality's
  mapTileUrl: null,
  mapAttribution: '',
  photoMaxBytes: 5 * 1024 * 1024,
  photoMaxCount: 3,
  descriptionMaxLength: 1000,
  passwordSignIn: true,
  singleSignOn: null,
};

const UiConfigContext = createContext<{ config: UiConfig; loaded: boolean }>({ config: fallback, loaded: false });

export function UiConfigProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState({ config: fallback, loaded: false });
  useEffect(() => {
    getUiConfig()
      .then((config) => setState({ config, loaded: true }))
      .catch(() => setState({ config: fallback, loaded: true }));
  }, []);
  return <UiConfigContext.Provider value={state}>{children}</UiConfigContext.Provider>;
}

export function useUiConfig() {
  return useContext(UiConfigContext);
}
