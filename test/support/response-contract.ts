import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../shared/contracts/problem.ts';
import type { RouteContract } from '../../shared/contracts/route.ts';
import { ALL_ROUTES } from '../../shared/contracts/routes.ts';

/*
 * Checks an answer of the API against the contract of the route it came from: a success has the
 * route's status and matches its response schema with no field the schema does not name (zod
 * strips unknown keys silently, so an internal attribute would otherwise pass unseen); an error is
 * RFC 9457 problem+json. Integration tests get it through `contractChecked(t.api)`.
 */

type Api = (path: string, init?: RequestInit & { token?: string }) => Promise<Response>;

const templateOf = (route: RouteContract): RegExp =>
  new RegExp(
    `^${route.path
      .replace(/[.]/g, '\\.')
      .replace(/\{[^}]+\+\}/g, '.+')
      .replace(/\{[^}]+\}/g, '[^/]+')}$`,
  );

const ROUTES = ALL_ROUTES.map((route) => ({
  route,
  pattern: templateOf(route),
  // a literal segment wins over a parameter: `/reports/escalations` before `/reports/{id}`
  params: (route.path.match(/\{/g) ?? []).length,
}));

/** The route a request reaches, as the gateway picks it. */
export const routeFor = (method: string, path: string): RouteContract | undefined => {
  const bare = path.split('?')[0] ?? path;
  return ROUTES.filter((r) => r.route.method === method && r.pattern.test(bare)).sort(
    (a, b) => a.params - b.params,
  )[0]?.route;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON pointers of the fields in `sent` that did not survive the schema's parse into `kept`. */
export const undocumentedFields = (sent: unknown, kept: unknown, at = ''): string[] => {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((item, i) => undocumentedFields(item, kept[i], `${at}/${i}`));
  }
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in kept ? undocumentedFields(value, kept[key], `${at}/${key}`) : [`${at}/${key}`],
  );
};

const successProblems = (route: RouteContract, status: number, body: unknown): string[] => {
  if (status !== route.successStatus) return [`status ${status}, the contract says ${route.successStatus}`];
  if (status === 204) return body === undefined ? [] : ['a 204 with a body'];
  const parsed = route.response.safeParse(body);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
  }
  return undocumentedFields(body, parsed.data).map((pointer) => `${pointer}: not in the response schema`);
};

const errorProblems = (contentType: string, body: unknown): string[] => {
  if (!contentType.startsWith(PROBLEM_CONTENT_TYPE)) return [`content-type ${contentType}, not problem+json`];
  const parsed = problemSchema().safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `problem: ${issue.message}`);
};

/** What is wrong with an answer, as lines a person can read; empty when it keeps the contract. */
export const contractProblems = (
  route: RouteContract,
  answer: { status: number; contentType: string; text: string },
): string[] => {
  let body: unknown;
  if (answer.text !== '') {
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [`not JSON (${answer.contentType})`];
    }
  }
  return answer.status < 400
    ? successProblems(route, answer.status, body)
    : errorProblems(answer.contentType, body);
};

/**
 * `api` that fails the test when an answer breaks its route's contract. Open311 routes (XML or
 * their own error format), gateway answers without a route and token refusals are not checked.
 */
export const contractChecked =
  (api: Api): Api =>
  async (path, init = {}) => {
    const response = await api(path, init);
    const route = routeFor(init.method ?? 'GET', path);
    const contentType = response.headers.get('content-type') ?? '';
    if (route === undefined || route.protocol === 'open311' || response.status === 401) return response;
    const text = await response.clone().text();
    const problems = contractProblems(route, { status: response.status, contentType, text });
    if (problems.length > 0) {
      throw new Error(
        `${route.method} ${route.path} (${path}) broke its contract:\n  ${problems.join('\n  ')}`,
      );
    }
    return response;
  };
