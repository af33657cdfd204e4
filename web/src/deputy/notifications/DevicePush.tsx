import { Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useApp } from '../context.tsx';
import { pushFailure } from './PushPrompt.tsx';
import { disablePush, enablePush, type PushState, pushState } from './push.ts';
import { Toggle } from './Toggle.tsx';
import { useWords } from './words.ts';

/**
 * 开启推送通知 for this phone: turning it on asks the browser's permission (now, because the deputy
 * asked), subscribes and registers the device; off unregisters it. `onEnabled` lets the form turn
 * the push channel on too, so the switch does what it says.
 */
export const DevicePush = ({ onEnabled }: { onEnabled: () => void }) => {
  const w = useWords();
  const { api, session } = useApp();
  const userId = session?.userId ?? '';
  const [state, setState] = useState<PushState | 'loading'>('loading');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void pushState(userId).then(setState);
  }, [userId]);
  const change = async (on: boolean) => {
    setBusy(true);
    try {
      if (on) await enablePush(api, userId);
      else await disablePush(api, userId);
      setState(await pushState(userId));
      Toast.show({ content: w(on ? 'push.on' : 'push.off') });
      if (on) onEnabled();
    } catch (error) {
      const word = pushFailure(error);
      Toast.show({ content: word === undefined ? (error as Error).message : w(word) });
      setState(await pushState(userId));
    } finally {
      setBusy(false);
    }
  };
  const hint =
    state === 'unsupported' ? w('push.unsupported') : state === 'denied' ? w('push.denied') : w('push.hint');
  return (
    <Toggle
      id="push-device"
      label={w('push.enable')}
      checked={state === 'on'}
      disabled={busy || state === 'loading' || state === 'unsupported' || state === 'denied'}
      onChange={(on) => void change(on)}
      hint={hint}
    />
  );
};
