/**
 * The channels' senders. Each answers how the attempt went, so the dispatcher can retry, give up or
 * forget a device: `gone` is a push service saying the subscription no longer exists (404/410).
 */
export type SendOutcome = { ok: true } | { ok: false; gone?: boolean; retryable: boolean; error: string };

export interface PushSender {
  send(
    subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
    payload: string,
    options: { urgent: boolean; ttlSeconds: number },
  ): Promise<SendOutcome>;
}

export interface EmailSender {
  send(message: { to: string; subject: string; text: string }): Promise<SendOutcome>;
}

export interface SmsSender {
  send(message: { to: string; text: string }): Promise<SendOutcome>;
}
