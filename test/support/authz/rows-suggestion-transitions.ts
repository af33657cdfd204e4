import { fixture, type MatrixTable } from './matrix.ts';
import { STALE_VERSION } from './rows-case-transitions.ts';

/**
 * `POST /suggestions/{id}/transitions`, one line per action × suggestion, probed with a stale
 * version as the case transitions are (`ok` = 409 after the permission check; nothing written).
 *
 * Who may act (docs/authorization-matrix.md, "Suggestion actions"):
 * - supervisors and admins, on any suggestion: accept, convert, assign, assignSeparately,
 *   setKeySupervision, approveHandBack, rejectHandBack, approveExtension, rejectExtension;
 * - handlers and heads of the lead unit: requestHandBack, requestExtension, followUp; its head
 *   alone: reply, markSolved; handlers and heads of a co-handling unit: submitCoOpinion;
 * - the signatories (the filer and every co-signer): rate.
 */
export const SUGGESTION_TRANSITION_ROWS: MatrixTable = {
  'POST /suggestions/{id}/transitions': {
    allowed: [409],
    request: (target, fx) => {
      const [action = '', name = ''] = target.split('@');
      return {
        path: `/suggestions/${fixture(fx, `sug.${name}`)}/transitions`,
        body: { action, payload: {}, version: STALE_VERSION },
      };
    },
    expect: `
    target                        anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
    accept@assigned               401  403  403  403  403  403  403  ok   ok
    accept@lead1                  401  404  403  403  403  404  404  ok   ok
    accept@unassigned             401  403  404  404  404  404  404  ok   ok
    convert@assigned              401  403  403  403  403  403  403  ok   ok
    convert@lead1                 401  404  403  403  403  404  404  ok   ok
    convert@unassigned            401  403  404  404  404  404  404  ok   ok
    assign@assigned               401  403  403  403  403  403  403  ok   ok
    assign@lead1                  401  404  403  403  403  404  404  ok   ok
    assign@unassigned             401  403  404  404  404  404  404  ok   ok
    assignSeparately@assigned     401  403  403  403  403  403  403  ok   ok
    assignSeparately@lead1        401  404  403  403  403  404  404  ok   ok
    assignSeparately@unassigned   401  403  404  404  404  404  404  ok   ok
    setKeySupervision@assigned    401  403  403  403  403  403  403  ok   ok
    setKeySupervision@lead1       401  404  403  403  403  404  404  ok   ok
    setKeySupervision@unassigned  401  403  404  404  404  404  404  ok   ok
    submitCoOpinion@assigned      401  403  403  403  403  ok   ok   403  403
    submitCoOpinion@lead1         401  404  403  403  403  404  404  403  403
    submitCoOpinion@unassigned    401  403  404  404  404  404  404  403  403
    requestHandBack@assigned      401  403  403  ok   ok   403  403  403  403
    requestHandBack@lead1         401  404  403  ok   ok   404  404  403  403
    requestHandBack@unassigned    401  403  404  404  404  404  404  403  403
    approveHandBack@assigned      401  403  403  403  403  403  403  ok   ok
    approveHandBack@lead1         401  404  403  403  403  404  404  ok   ok
    approveHandBack@unassigned    401  403  404  404  404  404  404  ok   ok
    rejectHandBack@assigned       401  403  403  403  403  403  403  ok   ok
    rejectHandBack@lead1          401  404  403  403  403  404  404  ok   ok
    rejectHandBack@unassigned     401  403  404  404  404  404  404  ok   ok
    requestExtension@assigned     401  403  403  ok   ok   403  403  403  403
    requestExtension@lead1        401  404  403  ok   ok   404  404  403  403
    requestExtension@unassigned   401  403  404  404  404  404  404  403  403
    approveExtension@assigned     401  403  403  403  403  403  403  ok   ok
    approveExtension@lead1        401  404  403  403  403  404  404  ok   ok
    approveExtension@unassigned   401  403  404  404  404  404  404  ok   ok
    rejectExtension@assigned      401  403  403  403  403  403  403  ok   ok
    rejectExtension@lead1         401  404  403  403  403  404  404  ok   ok
    rejectExtension@unassigned    401  403  404  404  404  404  404  ok   ok
    reply@assigned                401  403  403  403  ok   403  403  403  403
    reply@lead1                   401  404  403  403  ok   404  404  403  403
    reply@unassigned              401  403  404  404  404  404  404  403  403
    rate@assigned                 401  ok   ok   403  403  403  403  403  403
    rate@lead1                    401  404  ok   403  403  404  404  403  403
    rate@unassigned               401  ok   404  404  404  404  404  403  403
    followUp@assigned             401  403  403  ok   ok   403  403  403  403
    followUp@lead1                401  404  403  ok   ok   404  404  403  403
    followUp@unassigned           401  403  404  404  404  404  404  403  403
    markSolved@assigned           401  403  403  403  ok   403  403  403  403
    markSolved@lead1              401  404  403  403  ok   404  404  403  403
    markSolved@unassigned         401  403  404  404  404  404  404  403  403
    `,
  },
};
