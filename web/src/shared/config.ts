/**
 * Runtime configuration, written at deploy time (`config.json` beside the shells) so one build runs
 * against any stage: the API, the OIDC issuer and client, and an optional base map.
 */
export interface AppConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  scope: string;
  baseMap: null | { kind: 'tianditu' | 'amap' | 'tencent'; key: string };
}

const CACHE_KEY = 'qs.config';

/** Fetched fresh when online; the last copy is kept so the app starts offline too. */
export const loadConfig = async (): Promise<AppConfig> => {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`config.json: ${response.status}`);
    const config = (await response.json()) as AppConfig;
    localStorage.setItem(CACHE_KEY, JSON.stringify(config));
    return config;
  } catch (error) {
    const cached = localStorage.getItem(CACHE_KEY);
    if (cached !== null) return JSON.parse(cached) as AppConfig;
    throw error;
  }
};
