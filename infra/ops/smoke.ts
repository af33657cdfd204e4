/**
 * `npm run smoke -- --api <url> …`: after a deploy, proves the stage works end to end (smoke-steps.ts).
 * Sign-in, by what the deployment uses:
 *   Cognito   --client-id <CliClientId output> --username <u> (password in QS_SMOKE_PASSWORD) [--region r]
 *             a user in the deputy and admin groups (npm run users -- add smoke --group deputy,admin …)
 *   any OIDC  --token <ID token of such a user>
 *   local     --local (the running stack's deputy and admin tokens)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { findRunningStack } from '../local/running-stacks.ts';
import { DEFAULTS } from '../manifest.ts';
import { runSmoke, SmokeFailure } from './smoke-steps.ts';

const USAGE = `npm run smoke -- --api <ApiUrl output> --meter <smoke meter id> <sign-in>
  sign-in: --client-id <CliClientId> --username <user> [--region <r>]   (password from QS_SMOKE_PASSWORD)
       or: --token <ID token>                                          (an external OIDC issuer)
       or: --local [--data-dir <dir>]                                  (the local stack; --api and --meter optional)
  --meter: an interval meter kept for smoke tests (its credentials are rotated); local default MTR-0001
  --time-zone <tz> (default ${DEFAULTS.timeZone}), --timeout <s> for the reading (default 60)`;

const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    meter: { type: 'string' },
    'client-id': { type: 'string' },
    username: { type: 'string' },
    region: { type: 'string' },
    token: { type: 'string' },
    local: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'time-zone': { type: 'string', default: DEFAULTS.timeZone },
    timeout: { type: 'string', default: '60' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** Cognito's USER_PASSWORD_AUTH on the CLI app client; the ID token carries groups and department. */
const signInWithCognito = async (clientId: string, username: string): Promise<string> => {
  const password =
    process.env.QS_SMOKE_PASSWORD ?? fail('set QS_SMOKE_PASSWORD to the smoke user’s password');
  const cognito = new CognitoIdentityProviderClient(
    values.region === undefined ? {} : { region: values.region },
  );
  const answer = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  if (answer.ChallengeName !== undefined) {
    fail(
      `Cognito asks for ${answer.ChallengeName}: sign in once through the hosted sign-in and set a password`,
    );
  }
  return answer.AuthenticationResult?.IdToken ?? fail('Cognito returned no ID token');
};

const localTarget = async () => {
  const projectRoot = resolve(import.meta.dirname, '..', '..');
  const stack = await findRunningStack(projectRoot, values['data-dir']);
  if (typeof stack === 'string') return fail(stack);
  const tokens = JSON.parse(await readFile(join(stack.dataDir, 'tokens.json'), 'utf8')) as Record<
    string,
    string
  >;
  return {
    api: values.api ?? stack.urls.api,
    tokens: {
      deputy: tokens.deputy ?? fail('no deputy token'),
      admin: tokens.admin ?? fail('no admin token'),
    },
    meterId: values.meter ?? 'MTR-0001',
  };
};

const cloudTarget = async () => {
  const api = values.api ?? fail(`--api is required\n\n${USAGE}`);
  const meterId =
    values.meter ?? fail(`--meter is required: an interval meter kept for smoke tests\n\n${USAGE}`);
  const token =
    values.token ??
    (values['client-id'] !== undefined && values.username !== undefined
      ? await signInWithCognito(values['client-id'], values.username)
      : fail(`no sign-in given\n\n${USAGE}`));
  return { api, meterId, tokens: { deputy: token, admin: token } };
};

const main = async (): Promise<void> => {
  if (values.help) return void console.log(USAGE);
  const target = values.local ? await localTarget() : await cloudTarget();
  console.log(`Smoke test of ${target.api} (meter ${target.meterId})`);
  await runSmoke({
    ...target,
    timeZone: values['time-zone'],
    readingTimeoutMs: Number(values.timeout) * 1000,
    log: (line) => console.log(`  ${line}`),
  });
  console.log('Smoke test passed.');
};

await main().catch((error: unknown) => {
  fail(
    error instanceof SmokeFailure ? 'Smoke test failed.' : `Smoke test failed: ${(error as Error).message}`,
  );
});
