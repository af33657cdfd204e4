import { Button, NoticeBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { PreferencesView } from '../api.ts';
import { useApp } from '../context.tsx';
import { DevicePush } from '../notifications/DevicePush.tsx';
import {
  bodyOf,
  channelAvailability,
  type PreferenceValues,
  quietProblems,
  serverFieldErrors,
  valuesOf,
} from '../notifications/preferences-form.ts';
import { QuietHours } from '../notifications/QuietHours.tsx';
import { Toggle } from '../notifications/Toggle.tsx';
import { useWords } from '../notifications/words.ts';
import '../notifications/notifications.css';

type ServerErrors = ReturnType<typeof serverFieldErrors>;

/**
 * 通知设置: push on this phone, the channels (in-app always; push, email, SMS), and quiet hours.
 * Saved with the version read; a 409 (changed on another device meanwhile) reloads what is stored
 * and asks the deputy to check and save again.
 */
const NotificationSettings = () => {
  const { t } = useI18n();
  const w = useWords();
  const { navigate } = useRouter();
  const { api } = useApp();
  const [view, setView] = useState<PreferencesView>();
  const [values, setValues] = useState<PreferenceValues>();
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const reload = async () => {
    const fresh = await api.getPreferences();
    setView(fresh);
    setValues(valuesOf(fresh));
    setChecked(false);
    setServerErrors({});
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once when the screen opens
  useEffect(() => {
    reload().catch((error: Error) => setLoadError(error.message));
  }, []);
  if (loadError !== undefined)
    return (
      <p className="qs-error qs-center" role="alert">
        {t('loadFailed', { e: loadError })}
      </p>
    );
  if (view === undefined || values === undefined) return <p className="qs-center">{t('loading')}</p>;
  const problems = quietProblems(values);
  const change = (next: Partial<PreferenceValues>) => {
    setValues({ ...values, ...next });
    setServerErrors({});
  };
  const refused = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      await reload().catch(() => undefined);
      setConflict(true);
    } else if (error instanceof ApiError && error.problem?.errors !== undefined) {
      setServerErrors(serverFieldErrors(error.problem));
    } else Toast.show({ content: (error as Error).message });
  };
  const save = async (toSave: PreferenceValues) => {
    setChecked(true);
    if (Object.keys(quietProblems(toSave)).length > 0) {
      // After the errors are drawn: the first field in error takes the focus.
      window.setTimeout(() => document.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (!navigator.onLine) return void Toast.show({ content: w('settings.offline') });
    setBusy(true);
    try {
      const saved = await api.putPreferences(bodyOf(toSave, view.version));
      setView(saved);
      setValues(valuesOf(saved));
      setConflict(false);
      Toast.show({ content: w('settings.saved') });
    } catch (error) {
      await refused(error);
    } finally {
      setBusy(false);
    }
  };
  const channel = (name: 'push' | 'email' | 'sms') => {
    const { enabled, hint, contact } = channelAvailability(view, name);
    return (
      <Toggle
        id={`channel-${name}`}
        label={w(`settings.channel.${name}`)}
        checked={values[name]}
        disabled={!enabled}
        onChange={(on) => change({ [name]: on })}
        hint={hint === undefined ? contact : w(hint)}
      />
    );
  };
  return (
    <div className="qs-page">
      <Button size="small" fill="none" onClick={() => navigate('updates')}>
        ‹ {t('back')}
      </Button>
      <h1>{w('settings.title')}</h1>
      {conflict && (
        <div role="alert">
          <NoticeBar content={w('settings.conflict')} color="alert" wrap />
        </div>
      )}
      <h2>{w('settings.device')}</h2>
      <section className="qs-card">
        <DevicePush onEnabled={() => values.push || void save({ ...values, push: true })} />
      </section>
      <h2>{w('settings.channels')}</h2>
      <section className="qs-card">
        <Toggle id="channel-app" label={w('settings.inApp')} checked disabled onChange={() => undefined} />
        {channel('push')}
        {channel('email')}
        {channel('sms')}
      </section>
      <h2>{w('settings.quiet')}</h2>
      <QuietHours
        values={values}
        problems={checked ? problems : {}}
        serverErrors={serverErrors}
        onChange={change}
        onBlur={() => setChecked(true)}
      />
      {serverErrors.form !== undefined && (
        <p className="qs-error" role="alert">
          {serverErrors.form}
        </p>
      )}
      <Button block color="primary" size="large" loading={busy} onClick={() => void save(values)}>
        {w('settings.save')}
      </Button>
    </div>
  );
};

export default NotificationSettings;
