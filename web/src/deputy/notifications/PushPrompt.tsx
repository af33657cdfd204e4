import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useApp } from '../context.tsx';
import { enablePush, PushRefused, pushSupported } from './push.ts';
import { hasPushDevice } from './push-device.ts';
import { useWords, type Word } from './words.ts';

const laterKey = (userId: string) => `qs.push.later.${userId}`;

/** What went wrong, in the deputy's words. */
export const pushFailure = (error: unknown): Word | undefined =>
  error instanceof PushRefused ? (`push.${error.reason}` as const satisfies Word) : undefined;

/**
 * Asks once, where it makes sense — on the 消息 screen, never on the first screen — whether to push
 * to this phone; the browser's permission prompt comes only after the deputy taps 开启. "Not now" is
 * remembered; the switch in 通知设置 stays.
 */
export const PushPrompt = () => {
  const w = useWords();
  const { api, session } = useApp();
  const userId = session?.userId ?? '';
  const [shown, setShown] = useState(
    () =>
      pushSupported() &&
      Notification.permission === 'default' &&
      !hasPushDevice(userId) &&
      localStorage.getItem(laterKey(userId)) === null,
  );
  const [busy, setBusy] = useState(false);
  if (!shown) return null;
  const enable = async () => {
    setBusy(true);
    try {
      await enablePush(api, userId);
      Toast.show({ content: w('push.on') });
      setShown(false);
    } catch (error) {
      const word = pushFailure(error);
      Toast.show({ content: word === undefined ? (error as Error).message : w(word) });
      if (word !== undefined) setShown(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="qs-card" aria-label={w('push.enable')}>
      <p style={{ margin: '0 0 8px' }}>{w('push.prompt')}</p>
      <div className="qs-actions">
        <Button color="primary" loading={busy} onClick={() => void enable()}>
          {w('push.enable')}
        </Button>
        <Button
          onClick={() => {
            localStorage.setItem(laterKey(userId), new Date().toISOString());
            setShown(false);
          }}
        >
          {w('push.later')}
        </Button>
      </div>
    </section>
  );
};
