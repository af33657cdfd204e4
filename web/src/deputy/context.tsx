import { createContext, useContext } from 'react';
import type { Auth, Session } from '../shared/auth.ts';
import type { AppConfig } from '../shared/config.ts';
import type { DeputyApi } from './api.ts';
import type { Outbox } from './offline/outbox.ts';

export interface AppServices {
  config: AppConfig;
  auth: Auth;
  session: Session | undefined;
  api: DeputyApi;
  outbox: Outbox;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

export const useApp = (): AppServices => {
  const services = useContext(AppContext);
  if (services === undefined) throw new Error('useApp outside AppContext');
  return services;
};
