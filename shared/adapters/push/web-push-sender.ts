import webpush from 'web-push';
import type { PushSender, SendOutcome } from '../../ports/notification-senders.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact of the sender, as push services require. */
  subject: string;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), by the
 * `web-push` package — which builds the request; we send it with fetch, without following
 * redirects (the endpoint was checked when subscribed: push-endpoint.ts) and with a timeout. A
 * 404 or 410 means the browser dropped the subscription: `gone`, forget the device; 429 and 5xx are
 * worth retrying; other 4xx are not.
 */
export class WebPushSender implements PushSender {
  readonly #keys: () => Promise<VapidKeys | undefined>;
  readonly #timeoutMs: number;

  constructor(keys: () => Promise<VapidKeys | undefined>, timeoutMs = 10_000) {
    this.#keys = keys;
    this.#timeoutMs = timeoutMs;
  }

  async send(
    subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
    payload: string,
    options: { urgent: boolean; ttlSeconds: number },
  ): Promise<SendOutcome> {
    const vapid = await this.#keys();
    if (vapid === undefined) {
      return { ok: false, retryable: false, error: 'Web Push is not configured (no VAPID keys)' };
    }
    let request: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      request = webpush.generateRequestDetails(subscription, payload, {
        vapidDetails: vapid,
        TTL: options.ttlSeconds,
        urgency: options.urgent ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      });
    } catch (error) {
      // Keys no browser made: no later attempt can encrypt to them either.
      return {
        ok: false,
        retryable: false,
        error: `cannot encrypt to this device: ${(error as Error).message}`,
      };
    }
    try {
      const response = await fetch(request.endpoint, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: request.body === null ? null : new Uint8Array(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.arrayBuffer();
      if (response.ok) return { ok: true };
      const gone = response.status === 404 || response.status === 410;
      const retryable = response.status === 429 || response.status >= 500;
      return { ok: false, gone, retryable, error: `push service answered ${response.status}` };
    } catch (error) {
      return { ok: false, retryable: true, error: `push request failed: ${(error as Error).message}` };
    }
  }
}

/** A new VAPID key pair (URL-safe base64), for the local runtime and `npm run push-keys`. */
export const generateVapidKeys = (): { publicKey: string; privateKey: string } => webpush.generateVAPIDKeys();
