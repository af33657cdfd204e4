import type { Context } from 'aws-lambda';

const CONTEXT = {
  functionName: 'bench-drain',
  awsRequestId: 'bench-drain',
  getRemainingTimeInMillis: () => 55_000,
} as unknown as Context;

/**
 * Runs the notification dispatcher until the outbox is empty; the cases bench does this before each
 * measurement, with the local scheduler stopped. Locally every scheduled job runs on the thread that
 * serves the API, and the dispatcher, woken each minute, worked through the seeding's outbox during
 * the list turns (0.2 GetItem and 0.06 DeleteItem a list call; likely why one list's p99 moved 3×
 * between two runs). In AWS it is a function of its own and never shares the API's thread. Answers the events told.
 */
export const drainNotifications = async (): Promise<number> => {
  const { handler } = await import('../../functions/notifications/dispatch-notifications.ts');
  let told = 0;
  for (let round = 0; round < 100; round += 1) {
    const event = { job: 'notificationDispatch', scheduledTime: new Date().toISOString() };
    const result = (await handler(event, CONTEXT)) as { events: number; eventsFailed: number };
    told += result.events;
    if (result.events === 0 && result.eventsFailed === 0) return told;
  }
  throw new Error('the notification outbox did not empty in 100 runs of the dispatcher');
};
