import type { Problem } from '../../../shared/contracts/problem.ts';

/** A refusal of the API, with its RFC 9457 problem (zh-CN first) when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The network itself failed (offline, DNS, reset): worth retrying later, unlike an ApiError. */
export class NetworkError extends Error {}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

/** Bearer-authenticated JSON over fetch; `token` is asked for on every call (it may be refreshed). */
export const createHttpClient = (
  apiUrl: string,
  token: () => Promise<string | undefined>,
  onUnauthorized: () => void,
): HttpClient => ({
  request: async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const bearer = await token();
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await send(urlOf(apiUrl, path, options.query), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return (response.status === 204 ? undefined : await response.json()) as T;
  },
});

const urlOf = (apiUrl: string, path: string, query: RequestOptions['query'] = {}) => {
  const url = new URL(`${apiUrl}${path}`, window.location.href);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, String(value));
  return url;
};

/** fetch, with a failure of the network told apart from an answer. */
export const send = async (url: URL | string, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
};

const problemOf = async (response: Response): Promise<Problem | undefined> => {
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
};

export const enc = encodeURIComponent;
