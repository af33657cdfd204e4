import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute, routeKey } from '../../shared/contracts/route.ts';
import { ALL_ROUTES } from '../../shared/contracts/routes.ts';
import { EXPECTED } from '../support/authz/expected.ts';
import { buildCarbonFixtures } from '../support/authz/fixtures-carbon.ts';
import { buildImportFixtures } from '../support/authz/fixtures-imports.ts';
import { buildNotificationFixtures } from '../support/authz/fixtures-notifications.ts';
import { buildOpen311Fixtures } from '../support/authz/fixtures-open311.ts';
import { buildWorkflowFixtures } from '../support/authz/fixtures-workflow.ts';
import { cellsOf, describeMismatch, type Observation, runCells } from '../support/authz/matrix.ts';
import { mintPrincipals } from '../support/authz/principals.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The authorization matrix of issue 14: every route × every principal × every relation, each cell
 * asserting allowed or refused, over HTTP against one local stack (docs/authorization-matrix.md).
 *
 * Principals (columns): no token, deputy A, deputy B, handler and head of department 1 (ecology),
 * handler and head of department 2 (water), a supervisor, an admin. Targets (rows): the objects
 * made by test/support/authz/fixtures-*.ts through the API — A's private and public cases, B's,
 * one dispatched to department 1, one to department 1 with department 2 co-handling; suggestions
 * (A's with B co-signing assigned to 1 with 2 as co-unit, B's assigned to 1, A's unassigned); the
 * files of each; registry, budget, quarantine and report objects — or `-` for a route about no
 * object. The expected outcomes are data (test/support/authz/rows-*.ts), written from the
 * documented rules, not from what the system answers.
 *
 * What a cell's outcome means:
 * - `401`: no identity. Every route but /health and /openapi.json.
 * - `403`: the caller's role or relation may not do this (the route's roles, or e.g. a head asking
 *   for another unit's statistics, a deputy asking to dispatch a case they can read).
 * - `404`: the object is hidden from the caller (or does not exist) — records are never confirmed
 *   to those who may not read them.
 * - `ok`: allowed past the permission check. For reads that is the success status. Mutating routes
 *   are probed so that they leave the fixtures as they are, and each row names the status that
 *   proves the permission check was passed: a transition names a version the record is not at
 *   (the workflow answers 403 before 409, so `ok` is that 409); a registry create reuses an existing
 *   id (409), an update sends a stale version (409); credentials are asked for a meter that has
 *   active ones (409) and revoked where they already are (204); a budget is put without a version
 *   where one exists (409); a still-bad quarantined message is replayed (422); completing one's own
 *   finished upload answers 200, an empty slot 409. Only comments, upload slots, and new cases and
 *   suggestions are really created, which no other cell depends on.
 * - `in` / `out`: for lists, 200 and whether the target is among the items (every page).
 *
 * Completeness: the table must have a row for every route of ALL_ROUTES and none for a route that
 * does not exist, so a route added without its rows fails here.
 */

const cells = cellsOf(EXPECTED);
const routeKeys = ALL_ROUTES.map(routeKey);

describe('the authorization matrix covers every route', () => {
  it('has an entry for every route of ALL_ROUTES, and none for routes that do not exist', () => {
    const tabled = Object.keys(EXPECTED);
    const how = 'add them in test/support/authz/rows-*.ts (docs/authorization-matrix.md)';
    expect(
      routeKeys.filter((key) => !tabled.includes(key)),
      `routes without matrix rows: ${how}`,
    ).toEqual([]);
    expect(
      tabled.filter((key) => !routeKeys.includes(key)),
      'rows of routes that do not exist',
    ).toEqual([]);
  });

  it('expects 401 without a token on every route but the public ones, which answer everyone alike', () => {
    for (const route of ALL_ROUTES) {
      const own = cells.filter((cell) => cell.route === routeKey(route));
      if (!isPublicRoute(route)) {
        const anonymous = new Set(own.filter((cell) => cell.principal === 'anon').map((c) => c.expected));
        expect([...anonymous], routeKey(route)).toEqual(['401']);
        continue;
      }
      // A token changes nothing on a public route (the Open311 POST checks its api_key instead).
      for (const target of new Set(own.map((cell) => cell.target))) {
        const outcomes = new Set(own.filter((cell) => cell.target === target).map((c) => c.expected));
        expect(outcomes.size, `${routeKey(route)} ${target}`).toBe(1);
        expect(outcomes.has('401'), `${routeKey(route)} ${target}`).toBe(false);
      }
    }
  });
});

describe('every cell of the matrix over HTTP', () => {
  let t: TestStack;
  let observations: Observation[] = [];

  beforeAll(async () => {
    t = await startTestStack();
    const principals = await mintPrincipals(t);
    const [workflow, carbon, open311] = await Promise.all([
      buildWorkflowFixtures(t, principals),
      buildCarbonFixtures(t, principals),
      buildOpen311Fixtures(t, principals),
    ]);
    const notifications = await buildNotificationFixtures(t, principals);
    const imports = await buildImportFixtures(t, principals);
    const users = Object.entries(principals.ids).map(([name, id]) => [`user.${name}`, id]);
    const fx = {
      ...workflow,
      ...carbon,
      ...open311,
      ...notifications,
      ...imports,
      ...Object.fromEntries(users),
    };
    const success = new Map(ALL_ROUTES.map((route) => [routeKey(route), route.successStatus]));
    const run = {
      t,
      table: EXPECTED,
      principals,
      fx,
      successStatus: (key: string) => success.get(key) ?? 200,
    };
    // A small pool: the machine has two cores shared with other work.
    observations = await runCells(run, cells, 6);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(Object.keys(EXPECTED))('%s', (route) => {
    const mismatches = observations.filter((o) => o.route === route && o.got !== o.expected);
    expect(observations.filter((o) => o.route === route).length).toBeGreaterThan(0);
    expect(mismatches.map(describeMismatch)).toEqual([]);
  });
});
