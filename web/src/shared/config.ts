/**
 * Runtime configuration, written at deploy time (`config.json` beside the shells) so one build runs
 * against any stage: the API, the OIDC issuer and client, and an optional base map.
 */
export interface AppConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  /** Cognito's hosted sign-in (its `/logout` ends the hosted session); absent with other issuers. */
  signInUrl?: string;
  scope: string;
  baseMap: null | { kind: 'tianditu' | 'amap' | 'tencent'; key: string };
  /** Where the ID token carries groups, department and enterprise, when not Cognito's names (another OIDC issuer). */
  claims?: { groups?: string; department?: string; enterprise?: string };
}

const CACHE_KEY = 'qs.config';

const fetchConfig = async (): Promise<AppConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const config = (await response.json()) as AppConfig;
  localStorage.setItem(CACHE_KEY, JSON.stringify(config));
  return config;
};

/**
 * The copy kept from the last start is used at once (no round trip before the first screen, and
 * the app starts offline) while a fresh one is fetched for the next start; the first start waits.
 */
export const loadConfig = async (): Promise<AppConfig> => {
  const cached = localStorage.getItem(CACHE_KEY);
  const fresh = fetchConfig();
  if (cached === null) return fresh;
  fresh.catch(() => undefined);
  return JSON.parse(cached) as AppConfig;
};
