import type {
  getNotificationPreferencesRoute,
  putNotificationPreferencesRoute,
} from '../../../../shared/contracts/notifications.ts';
import type { Problem } from '../../../../shared/contracts/problem.ts';
import type { BodyOf, ResponseOf } from '../../shared/api-types.ts';

// From the contracts directly (not ../api.ts): this module is pure, and unit-tested in Node.
type PreferencesView = ResponseOf<typeof getNotificationPreferencesRoute>;
type PreferencesBody = BodyOf<typeof putNotificationPreferencesRoute>;

/**
 * The 通知设置 form as plain values, checked on the phone the way the API checks them (HH:MM local
 * times that differ), and the API's own field errors placed on the same fields.
 */
export interface PreferenceValues {
  push: boolean;
  email: boolean;
  sms: boolean;
  quietOn: boolean;
  start: string;
  end: string;
}

export type QuietField = 'start' | 'end';
export type QuietProblem = 'settings.quietFormat' | 'settings.quietSame';

/** Suggested when the deputy first turns quiet hours on: the night. */
const NIGHT = { start: '22:00', end: '07:00' };
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export const valuesOf = (view: PreferencesView): PreferenceValues => ({
  ...view.channels,
  quietOn: view.quietHours !== undefined,
  start: view.quietHours?.start ?? NIGHT.start,
  end: view.quietHours?.end ?? NIGHT.end,
});

export const quietProblems = (values: PreferenceValues): Partial<Record<QuietField, QuietProblem>> => {
  if (!values.quietOn) return {};
  const problems: Partial<Record<QuietField, QuietProblem>> = {};
  if (!CLOCK.test(values.start)) problems.start = 'settings.quietFormat';
  if (!CLOCK.test(values.end)) problems.end = 'settings.quietFormat';
  if (problems.start === undefined && problems.end === undefined && values.start === values.end)
    problems.end = 'settings.quietSame';
  return problems;
};

export const bodyOf = (values: PreferenceValues, version: number): PreferencesBody => ({
  channels: { push: values.push, email: values.email, sms: values.sms },
  quietHours: values.quietOn ? { start: values.start, end: values.end } : null,
  version,
});

/** `/body/quietHours/start` → start; the object's own refusal (start = end) → end; others → form. */
export const serverFieldErrors = (
  problem: Problem | undefined,
): Partial<Record<QuietField | 'form', string>> => {
  const errors: Partial<Record<QuietField | 'form', string>> = {};
  for (const { path, message } of problem?.errors ?? []) {
    const field =
      path === '/body/quietHours/start' ? 'start' : path.startsWith('/body/quietHours') ? 'end' : 'form';
    errors[field] ??= message;
  }
  return errors;
};

/**
 * Whether a channel can be chosen here: the deployment must offer it, and email and SMS need an
 * address or number in the staff directory (set by administrators, shown so the deputy can check).
 */
export const channelAvailability = (
  view: Pick<PreferencesView, 'available' | 'contact'>,
  channel: 'push' | 'email' | 'sms',
): {
  enabled: boolean;
  hint?: 'settings.unavailable' | 'settings.noEmail' | 'settings.noPhone';
  contact?: string;
} => {
  if (!view.available.includes(channel)) return { enabled: false, hint: 'settings.unavailable' };
  if (channel === 'push') return { enabled: true };
  const contact = channel === 'email' ? view.contact.email : view.contact.phone;
  if (contact === undefined)
    return { enabled: false, hint: channel === 'email' ? 'settings.noEmail' : 'settings.noPhone' };
  return { enabled: true, contact };
};
