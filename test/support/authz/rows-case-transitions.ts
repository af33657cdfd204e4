import { fixture, type MatrixTable } from './matrix.ts';

/**
 * `POST /cases/{id}/transitions`, one line per action × case. Every probe names a version the
 * case is not at (STALE_VERSION): the workflow answers who may act (403) before the version read
 * (409), so `ok` here is that 409 — the permission check was passed and nothing was written, and
 * the fixtures stay as they are for every other cell. A case the caller may not read is 404.
 *
 * Who may act (docs/authorization-matrix.md, "Case actions"):
 * - supervisors and admins, on any case: accept, reject, markDuplicate, dispatch, approveExtension,
 *   rejectExtension, verify, sendBackForRework, suspend, resume;
 * - handlers and heads of the lead department: returnToDispatcher, signFor, requestExtension,
 *   submitRectification; the lead department's head alone: headSignOff;
 * - the reporting deputy: rate. A co-department reads the case but takes none of these steps.
 */
export const STALE_VERSION = 999_999;

export const CASE_TRANSITION_ROWS: MatrixTable = {
  'POST /cases/{id}/transitions': {
    allowed: [409],
    request: (target, fx) => {
      const [action = '', name = ''] = target.split('@');
      return {
        path: `/cases/${fixture(fx, `case.${name}`)}/transitions`,
        body: { action, payload: {}, version: STALE_VERSION },
      };
    },
    expect: `
    target                            anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
    accept@aPrivate                   401  403  404  404  404  404  404  ok   ok
    accept@aPublic                    401  403  403  404  404  404  404  ok   ok
    accept@dispatched                 401  403  404  403  403  404  404  ok   ok
    accept@dispatchedCo               401  403  404  403  403  403  403  ok   ok
    reject@aPrivate                   401  403  404  404  404  404  404  ok   ok
    reject@aPublic                    401  403  403  404  404  404  404  ok   ok
    reject@dispatched                 401  403  404  403  403  404  404  ok   ok
    reject@dispatchedCo               401  403  404  403  403  403  403  ok   ok
    markDuplicate@aPrivate            401  403  404  404  404  404  404  ok   ok
    markDuplicate@aPublic             401  403  403  404  404  404  404  ok   ok
    markDuplicate@dispatched          401  403  404  403  403  404  404  ok   ok
    markDuplicate@dispatchedCo        401  403  404  403  403  403  403  ok   ok
    dispatch@aPrivate                 401  403  404  404  404  404  404  ok   ok
    dispatch@aPublic                  401  403  403  404  404  404  404  ok   ok
    dispatch@dispatched               401  403  404  403  403  404  404  ok   ok
    dispatch@dispatchedCo             401  403  404  403  403  403  403  ok   ok
    returnToDispatcher@aPrivate       401  403  404  404  404  404  404  403  403
    returnToDispatcher@aPublic        401  403  403  404  404  404  404  403  403
    returnToDispatcher@dispatched     401  403  404  ok   ok   404  404  403  403
    returnToDispatcher@dispatchedCo   401  403  404  ok   ok   403  403  403  403
    signFor@aPrivate                  401  403  404  404  404  404  404  403  403
    signFor@aPublic                   401  403  403  404  404  404  404  403  403
    signFor@dispatched                401  403  404  ok   ok   404  404  403  403
    signFor@dispatchedCo              401  403  404  ok   ok   403  403  403  403
    requestExtension@aPrivate         401  403  404  404  404  404  404  403  403
    requestExtension@aPublic          401  403  403  404  404  404  404  403  403
    requestExtension@dispatched       401  403  404  ok   ok   404  404  403  403
    requestExtension@dispatchedCo     401  403  404  ok   ok   403  403  403  403
    approveExtension@aPrivate         401  403  404  404  404  404  404  ok   ok
    approveExtension@aPublic          401  403  403  404  404  404  404  ok   ok
    approveExtension@dispatched       401  403  404  403  403  404  404  ok   ok
    approveExtension@dispatchedCo     401  403  404  403  403  403  403  ok   ok
    rejectExtension@aPrivate          401  403  404  404  404  404  404  ok   ok
    rejectExtension@aPublic           401  403  403  404  404  404  404  ok   ok
    rejectExtension@dispatched        401  403  404  403  403  404  404  ok   ok
    rejectExtension@dispatchedCo      401  403  404  403  403  403  403  ok   ok
    submitRectification@aPrivate      401  403  404  404  404  404  404  403  403
    submitRectification@aPublic       401  403  403  404  404  404  404  403  403
    submitRectification@dispatched    401  403  404  ok   ok   404  404  403  403
    submitRectification@dispatchedCo  401  403  404  ok   ok   403  403  403  403
    headSignOff@aPrivate              401  403  404  404  404  404  404  403  403
    headSignOff@aPublic               401  403  403  404  404  404  404  403  403
    headSignOff@dispatched            401  403  404  403  ok   404  404  403  403
    headSignOff@dispatchedCo          401  403  404  403  ok   403  403  403  403
    verify@aPrivate                   401  403  404  404  404  404  404  ok   ok
    verify@aPublic                    401  403  403  404  404  404  404  ok   ok
    verify@dispatched                 401  403  404  403  403  404  404  ok   ok
    verify@dispatchedCo               401  403  404  403  403  403  403  ok   ok
    sendBackForRework@aPrivate        401  403  404  404  404  404  404  ok   ok
    sendBackForRework@aPublic         401  403  403  404  404  404  404  ok   ok
    sendBackForRework@dispatched      401  403  404  403  403  404  404  ok   ok
    sendBackForRework@dispatchedCo    401  403  404  403  403  403  403  ok   ok
    rate@aPrivate                     401  ok   404  404  404  404  404  403  403
    rate@aPublic                      401  ok   403  404  404  404  404  403  403
    rate@dispatched                   401  ok   404  403  403  404  404  403  403
    rate@dispatchedCo                 401  ok   404  403  403  403  403  403  403
    suspend@aPrivate                  401  403  404  404  404  404  404  ok   ok
    suspend@aPublic                   401  403  403  404  404  404  404  ok   ok
    suspend@dispatched                401  403  404  403  403  404  404  ok   ok
    suspend@dispatchedCo              401  403  404  403  403  403  403  ok   ok
    resume@aPrivate                   401  403  404  404  404  404  404  ok   ok
    resume@aPublic                    401  403  403  404  404  404  404  ok   ok
    resume@dispatched                 401  403  404  403  403  404  404  ok   ok
    resume@dispatchedCo               401  403  404  403  403  403  403  ok   ok
    `,
  },
};
