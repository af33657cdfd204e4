import { createContext, useContext } from 'react';
import type { HttpClient } from '../shared/api.ts';
import type { Auth, Session } from '../shared/auth.ts';
import type { AppConfig } from '../shared/config.ts';
import type { ConsoleApi } from './api.ts';

export interface ConsoleServices {
  config: AppConfig;
  auth: Auth;
  session: Session;
  api: ConsoleApi;
  /** The signed-in HTTP client under `api`: a module with routes of its own builds its client on it. */
  http: HttpClient;
}

export const ConsoleContext = createContext<ConsoleServices | undefined>(undefined);

export const useConsole = (): ConsoleServices => {
  const services = useContext(ConsoleContext);
  if (services === undefined) throw new Error('useConsole outside ConsoleContext');
  return services;
};

export const hasRole = (session: Session, ...roles: string[]): boolean =>
  session.roles.some((role) => roles.includes(role));
