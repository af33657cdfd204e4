import type { TestStack } from '../local-stack.ts';
import { PRINCIPALS, type PrincipalName, type Principals } from './principals.ts';

/**
 * One cell's outcome:
 * - `ok`: allowed past the permission check — the answer's status is one of the row's `allowed`
 *   statuses (by default the route's success status);
 * - `in` / `out`: for list rows, the answer is 200 and the target is / is not among its items;
 * - `401` (no identity), `403` (the role or relation may not), `404` (the object is hidden, or absent).
 */
export type Outcome = 'ok' | 'in' | 'out' | '401' | '403' | '404';
const OUTCOMES: readonly string[] = ['ok', 'in', 'out', '401', '403', '404'];

/** The ids of what the fixture builder made, by name (`case.aPrivate`, `media.evidence`, …). */
export type Fixtures = Readonly<Record<string, string>>;

/** A fixture's id; a row naming one the builder did not make is a mistake in the table. */
export const fixture = (fx: Fixtures, name: string): string => {
  const id = fx[name];
  if (id === undefined) throw new Error(`the matrix names fixture ${name}, which was not built`);
  return id;
};

export interface ProbeRequest {
  path: string;
  body?: unknown;
  /** A form-encoded body instead of JSON (the Open311 POST). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * The rows of one route (method + path, as in ALL_ROUTES). `expect` is a table: the HEADER line,
 * then one line per target (the object or relation the request is about) with nine outcomes, one
 * per principal in PRINCIPALS order: anon, deputyA, deputyB, handler1, head1, handler2, head2,
 * supervisor, admin.
 */
export interface MatrixRoute {
  request: (target: string, fx: Fixtures) => ProbeRequest;
  /** Statuses that count as `ok`; default: the route's success status. */
  allowed?: readonly number[];
  /** A list route: the cell is `in` when the item `itemId` names is listed, else `out`. */
  listed?: { itemId: (target: string, fx: Fixtures) => string };
  expect: string;
}

export type MatrixTable = Readonly<Record<string, MatrixRoute>>;

export interface Cell {
  route: string;
  target: string;
  principal: PrincipalName;
  expected: Outcome;
}

export interface Observation extends Cell {
  got: string;
  detail?: string;
}

/** The header every table starts with: the principals, abbreviated, in PRINCIPALS order. */
export const HEADER = 'anon depA depB hnd1 hed1 hnd2 hed2 sup adm';
/** Tables of routes open to enterprise accounts add their column. */
export const HEADER_ENT = `${HEADER} ent`;

/**
 * A table's lines: target, then nine outcomes (ten with the `ent` column); the header line is
 * checked, blank lines skipped. Without the column, the enterprise account holds no role, so the
 * route's role check refuses it (403; a public route answers it as anyone): asked on the first line.
 */
const rowsOf = (route: string, table: string): [target: string, outcomes: string[]][] => {
  const [header, ...lines] = table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((words) => words.join('') !== '');
  const named = header?.slice(1).join(' ');
  if (named !== HEADER && named !== HEADER_ENT) {
    throw new Error(`${route}: the table must start with "target ${HEADER}" (or "${HEADER_ENT}")`);
  }
  return lines.map(([target = '', ...outcomes], i) => {
    if (named === HEADER_ENT || outcomes.length !== PRINCIPALS.length - 1) return [target, outcomes];
    const anon = outcomes[0] ?? '';
    return [target, [...outcomes, i > 0 ? '-' : anon === '401' ? '403' : anon]];
  });
};

/** Splits every table into cells, refusing rows of the wrong length or with unknown outcomes. */
export const cellsOf = (table: MatrixTable): Cell[] =>
  Object.entries(table).flatMap(([route, row]) =>
    rowsOf(route, row.expect).flatMap(([target, outcomes]) => {
      const bad = outcomes.filter((outcome) => !OUTCOMES.includes(outcome) && outcome !== '-');
      if (outcomes.length !== PRINCIPALS.length || bad.length > 0) {
        throw new Error(
          `${route} ${target}: ${PRINCIPALS.length} of ${OUTCOMES.join('/')} expected, got ${outcomes.join(' ')}`,
        );
      }
      const listOnly = outcomes.filter((outcome) => outcome === 'in' || outcome === 'out');
      const misplaced = row.listed === undefined ? listOnly.length > 0 : outcomes.includes('ok');
      if (misplaced) throw new Error(`${route} ${target}: list rows use in/out, other rows ok`);
      // `-`: not asked (the enterprise account's derived cell beyond a table's first line).
      return outcomes.flatMap((expected, i) =>
        expected === '-'
          ? []
          : [{ route, target, principal: PRINCIPALS[i] as PrincipalName, expected: expected as Outcome }],
      );
    }),
  );

export interface MatrixRun {
  t: TestStack;
  table: MatrixTable;
  principals: Principals;
  fx: Fixtures;
  successStatus: (route: string) => number;
}

/** Runs one cell: the request as that principal, its answer classified as an outcome. */
export const observe = async (run: MatrixRun, cell: Cell): Promise<Observation> => {
  const row = run.table[cell.route];
  if (row === undefined) throw new Error(`no row for ${cell.route}`);
  const [method = 'GET'] = cell.route.split(' ');
  const probe = row.request(cell.target, run.fx);
  const send = (path: string) => {
    const token = run.principals.tokens[cell.principal];
    const headers: Record<string, string> = { ...probe.headers };
    if (probe.body !== undefined) headers['content-type'] = 'application/json';
    if (probe.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const body =
      probe.form !== undefined
        ? new URLSearchParams(probe.form).toString()
        : probe.body === undefined
          ? undefined
          : JSON.stringify(probe.body);
    return run.t.api(path, {
      method,
      headers,
      ...(token === undefined ? {} : { token }),
      ...(body === undefined ? {} : { body }),
    });
  };
  if (row.listed !== undefined) {
    const list = await listOnce(run, `${cell.principal} ${probe.path}`, () => readList(send, probe.path));
    if (list.status !== 200) return { ...cell, got: String(list.status), detail: list.text.slice(0, 300) };
    return { ...cell, got: list.ids.includes(row.listed.itemId(cell.target, run.fx)) ? 'in' : 'out' };
  }
  const answer = await send(probe.path);
  const allowed = row.allowed ?? [run.successStatus(cell.route)];
  if (allowed.includes(answer.status)) return { ...cell, got: 'ok' };
  const text = await answer.text();
  return { ...cell, got: String(answer.status), detail: text.slice(0, 300) };
};

interface ListAnswer {
  status: number;
  ids: string[];
  text: string;
}

/** A list is read once per principal and query; every cell about one of its items shares it. */
const lists = new WeakMap<MatrixRun, Map<string, Promise<ListAnswer>>>();
const listOnce = (run: MatrixRun, key: string, read: () => Promise<ListAnswer>): Promise<ListAnswer> => {
  const known = lists.get(run) ?? new Map<string, Promise<ListAnswer>>();
  lists.set(run, known);
  const list = known.get(key) ?? read();
  known.set(key, list);
  return list;
};

interface ListPage {
  items?: { id?: string }[];
  cursor?: string;
}

/** Every id of a paged list, following `cursor`; a page refused midway is an error, not "out". */
const readList = async (send: (path: string) => Promise<Response>, path: string): Promise<ListAnswer> => {
  const first = await send(path);
  const text = await first.text();
  if (first.status !== 200) return { status: first.status, ids: [], text };
  // Open311 lists (docs/open311.md) are one page: an array, or its XML, of service requests.
  if (text.startsWith('<?xml')) {
    return {
      status: 200,
      ids: [...text.matchAll(/<service_request_id>([^<]*)</g)].map((m) => m[1] ?? ''),
      text: '',
    };
  }
  const parsed = JSON.parse(text) as ListPage | { service_request_id: string }[];
  if (Array.isArray(parsed)) return { status: 200, ids: parsed.map((r) => r.service_request_id), text: '' };
  const ids: string[] = [];
  let page = parsed;
  for (let pages = 1; ; pages++) {
    ids.push(...(page.items ?? []).map((item) => item.id ?? ''));
    if (page.cursor === undefined) return { status: 200, ids, text: '' };
    if (pages >= 50) throw new Error(`${path}: more than 50 pages`);
    const next = await send(
      `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(page.cursor)}`,
    );
    if (next.status !== 200) throw new Error(`${path}: a later page answered ${next.status}`);
    page = (await next.json()) as ListPage;
  }
};

/** Runs every cell, `concurrency` at a time (the machine is small and shared). */
export const runCells = async (
  run: MatrixRun,
  cells: Cell[],
  concurrency: number,
): Promise<Observation[]> => {
  const results: Observation[] = new Array(cells.length);
  let next = 0;
  const worker = async () => {
    while (next < cells.length) {
      const index = next++;
      const cell = cells[index] as Cell;
      results[index] = await observe(run, cell).catch((error: unknown) => ({
        ...cell,
        got: 'error',
        detail: String(error),
      }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
};

/** A mismatch as a person reads it: route, target, principal, expected, got, and what came back. */
export const describeMismatch = (o: Observation): string =>
  `${o.route} [${o.target}] as ${o.principal}: expected ${o.expected}, got ${o.got}${o.detail ? ` — ${o.detail}` : ''}`;
