/**
 * `npx tsx test/bench/connection-timeline.ts`: where the slowest list calls spend their time,
 * connection by connection (docs/performance.md, "Fifth pass"). Boots the test stack, files
 * suggestions as the cases bench does, then a load thread's BENCH_CLIENTS clients make
 * BENCH_TIMELINE_TURNS turns of BENCH_TIMELINE_CALLS `GET /suggestions?limit=20`, idle for
 * BENCH_TIMELINE_GAP_MS between turns (as the cases bench's other phases leave the API idle).
 * Node's diagnostics channels time each call on both sides: fetch's (undici) on the load thread,
 * the gateway's socket accept and request on the serving thread; both clocks are wall-clock ms.
 * It prints the calls on new connections and the slowest calls split into: waiting in the client
 * (connecting), waiting to be accepted by the gateway, accepted until the request event, the
 * gateway's own time, and the answer's way back.
 */
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { concurrently } from './concurrent-run.ts';

const wallNow = () => performance.timeOrigin + performance.now();

interface Call {
  turn: number;
  started: number;
  sent?: number;
  headers?: number;
  ended?: number;
  port?: number;
  fresh?: boolean;
}

interface Job {
  api: string;
  token: string;
  clients: number;
  calls: number;
  turns: number;
  gapMs: number;
}

/** The load thread: the turns of calls, each call timed by undici's channels. */
const runLoad = async (job: Job): Promise<Call[]> => {
  const byRequest = new WeakMap<object, Call>();
  const fresh = new WeakSet<Socket>();
  let creating: Call | undefined;
  diagnostics.subscribe('undici:request:create', (message) => {
    if (creating !== undefined) byRequest.set((message as { request: object }).request, creating);
  });
  diagnostics.subscribe('undici:client:connected', (message) => {
    fresh.add((message as { socket: Socket }).socket);
  });
  diagnostics.subscribe('undici:client:sendHeaders', (message) => {
    const { request, socket } = message as { request: object; socket: Socket };
    const call = byRequest.get(request);
    if (call === undefined) return;
    Object.assign(call, { sent: wallNow(), port: socket.localPort, fresh: fresh.has(socket) });
    fresh.delete(socket);
  });
  diagnostics.subscribe('undici:request:headers', (message) => {
    const call = byRequest.get((message as { request: object }).request);
    if (call !== undefined) call.headers = wallNow();
  });
  const calls: Call[] = [];
  for (let turn = 0; turn < job.turns; turn++) {
    await concurrently(job.clients, job.calls, async () => {
      const call: Call = { turn, started: wallNow() };
      creating = call;
      const answer = fetch(`${job.api}/suggestions?limit=20`, {
        headers: { authorization: `Bearer ${job.token}` },
      });
      creating = undefined;
      await (await answer).arrayBuffer();
      call.ended = wallNow();
      calls.push(call);
      return true;
    });
    if (turn < job.turns - 1) await new Promise((resolve) => setTimeout(resolve, job.gapMs));
  }
  return calls;
};

/**
 * The serving thread: when the gateway accepted each connection and read and answered each
 * request, by the client's port (a port is used again by later connections, so by time too).
 */
const watchGateway = () => {
  const accepted = new Map<number, number[]>();
  const requests = new Map<number, { read: number; answered?: number; claimed?: boolean }[]>();
  const portOf = (socket: Socket) => socket.remotePort ?? 0;
  diagnostics.subscribe('net.server.socket', (message) => {
    const port = portOf((message as { socket: Socket }).socket);
    accepted.set(port, [...(accepted.get(port) ?? []), wallNow()]);
  });
  diagnostics.subscribe('http.server.request.start', (message) => {
    const port = portOf((message as { socket: Socket }).socket);
    requests.set(port, [...(requests.get(port) ?? []), { read: wallNow() }]);
  });
  diagnostics.subscribe('http.server.response.finish', (message) => {
    const port = portOf((message as { request: { socket: Socket } }).request.socket);
    const open = requests.get(port)?.find((request) => request.answered === undefined);
    if (open !== undefined) open.answered = wallNow();
  });
  return {
    /** The first accept on `port` after the call was sent. */
    acceptOf: (port: number, sent: number) => accepted.get(port)?.find((at) => at >= sent),
    /** The first request read on `port` after the call was sent that no earlier call claimed. */
    requestOf: (port: number, sent: number) => {
      const found = requests.get(port)?.find((request) => !request.claimed && request.read >= sent);
      if (found !== undefined) found.claimed = true;
      return found;
    },
  };
};

if (!isMainThread) {
  parentPort?.postMessage(await runLoad(workerData as Job));
} else {
  const { startTestStack } = await import('../support/local-stack.ts');
  const { drainNotifications } = await import('./outbox-drain.ts');
  const { fileSuggestions } = await import('./suggestion-lists.ts');
  const { quantile } = await import('./format.ts');
  const gateway = watchGateway();
  const t = await startTestStack();
  await t.stack.scheduler.stop();
  try {
    const clients = Number(process.env.BENCH_CLIENTS ?? 50);
    await fileSuggestions(t, clients);
    await drainNotifications();
    const job: Job = {
      api: t.stack.urls.api,
      token: t.stack.users.supervisor.token,
      clients,
      calls: Number(process.env.BENCH_TIMELINE_CALLS ?? 600),
      turns: Number(process.env.BENCH_TIMELINE_TURNS ?? 5),
      gapMs: Number(process.env.BENCH_TIMELINE_GAP_MS ?? 6000),
    };
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    const calls = await new Promise<Call[]>((resolve) => worker.once('message', resolve));
    await worker.terminate();
    const took = (call: Call) => (call.ended ?? 0) - call.started;
    const times = calls.map(took).sort((a, b) => a - b);
    const fresh = calls.filter((call) => call.fresh);
    console.log(
      `\n${calls.length} calls, ${clients} clients, ${job.turns} turns ${job.gapMs} ms apart: p50 ${quantile(times, 0.5).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms; ${fresh.length} on a new connection, of which ${fresh.filter((call) => took(call) > 500).length} over 500 ms (of ${times.filter((ms) => ms > 500).length} calls over 500 ms)\n`,
    );
    const rows = calls
      .sort((a, b) => (a.sent ?? 0) - (b.sent ?? 0))
      .map((call) => ({
        call,
        accept: call.fresh ? gateway.acceptOf(call.port ?? 0, call.sent ?? 0) : undefined,
        request: gateway.requestOf(call.port ?? 0, call.sent ?? 0),
      }));
    const ms = (from?: number, to?: number) =>
      from === undefined || to === undefined ? '–' : (to - from).toFixed(0);
    console.log('turn  total  new  connecting  to accept  accepted→read  gateway  answer→client (ms)');
    const show = Number(process.env.BENCH_TIMELINE_SHOW ?? 20);
    for (const { call, accept, request } of rows.sort((a, b) => took(b.call) - took(a.call)).slice(0, show)) {
      console.log(
        [
          call.turn,
          took(call).toFixed(0),
          call.fresh ? 'yes' : 'no',
          ms(call.started, call.sent),
          ms(call.sent, accept),
          ms(accept ?? call.sent, request?.read),
          ms(request?.read, request?.answered),
          ms(request?.answered, call.headers),
        ].join('  '),
      );
    }
  } finally {
    await t.close();
  }
}
