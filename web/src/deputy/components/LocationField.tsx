import { Button, Input } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { DeputyMap } from '../map/DeputyMap.tsx';
import type { DraftLocation } from '../offline/db.ts';

/** Good enough to stop waiting for a better fix (the issue's 100 m). */
export const GOOD_ACCURACY_M = 100;

interface Props {
  value: DraftLocation | undefined;
  exif: { latitude: number; longitude: number } | undefined;
  onChange: (location: DraftLocation) => void;
}

/** GPS with its accuracy (waits for < 100 m), the photo's EXIF position, a pin, or typed coordinates. */
export const LocationField = ({ value, exif, onChange }: Props) => {
  const { t } = useI18n();
  const [watching, setWatching] = useState<number | undefined>();
  const [accuracy, setAccuracy] = useState<number | undefined>();
  const watchId = useRef<number | undefined>(undefined);
  const stop = () => {
    if (watchId.current !== undefined) navigator.geolocation.clearWatch(watchId.current);
    watchId.current = undefined;
    setWatching(undefined);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: stop watching GPS when the page closes
  useEffect(() => stop, []);
  const locate = () => {
    if (!('geolocation' in navigator)) return;
    stop();
    watchId.current = navigator.geolocation.watchPosition(
      (position) => {
        const metres = Math.round(position.coords.accuracy);
        setAccuracy(metres);
        onChange({
          latitude: Number(position.coords.latitude.toFixed(6)),
          longitude: Number(position.coords.longitude.toFixed(6)),
          accuracy: metres,
          source: 'gps',
          ...(value?.address ? { address: value.address } : {}),
        });
        if (metres < GOOD_ACCURACY_M) stop();
      },
      () => stop(),
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 },
    );
    setWatching(watchId.current);
  };
  const typed = (field: 'latitude' | 'longitude', text: string) => {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) return;
    onChange({
      latitude: field === 'latitude' ? number : (value?.latitude ?? 0),
      longitude: field === 'longitude' ? number : (value?.longitude ?? 0),
      source: 'typed',
      ...(value?.address ? { address: value.address } : {}),
    });
  };
  const poor = value?.source === 'gps' && (value.accuracy ?? 0) >= GOOD_ACCURACY_M;
  return (
    <div>
      <div className="qs-row">
        <Button size="small" color="primary" fill="outline" onClick={locate}>
          {t('report.locate')}
        </Button>
        {exif !== undefined && (
          <Button size="small" fill="outline" onClick={() => onChange({ ...exif, source: 'exif' })}>
            {t('report.useExif')}
          </Button>
        )}
      </div>
      <p className="qs-meta" aria-live="polite">
        {watching !== undefined && accuracy !== undefined
          ? t('report.locating', { m: accuracy })
          : value === undefined
            ? t('report.noLocation')
            : `${t(`report.source.${value.source}`)} ${value.latitude.toFixed(5)}, ${value.longitude.toFixed(5)}${
                value.accuracy === undefined ? '' : ` · ${t('report.accuracy', { m: value.accuracy })}`
              }`}
      </p>
      {poor && <p className="qs-error">{t('report.poorAccuracy')}</p>}
      <DeputyMap
        label={t('report.pinHint')}
        pin={value}
        onPick={(latitude, longitude) => {
          stop();
          onChange({
            latitude,
            longitude,
            source: 'pin',
            ...(value?.address ? { address: value.address } : {}),
          });
        }}
      />
      <p className="qs-meta">{t('report.pinHint')}</p>
      <div className="qs-row">
        <label className="qs-meta" htmlFor="loc-lat">
          {t('report.latitude')}
        </label>
        <Input
          className="qs-input"
          id="loc-lat"
          inputMode="decimal"
          style={{ flex: 1 }}
          defaultValue={value?.latitude?.toString() ?? ''}
          key={`lat-${value?.latitude}`}
          onBlur={(e) => typed('latitude', e.target.value)}
        />
        <label className="qs-meta" htmlFor="loc-lng">
          {t('report.longitude')}
        </label>
        <Input
          className="qs-input"
          id="loc-lng"
          inputMode="decimal"
          style={{ flex: 1 }}
          defaultValue={value?.longitude?.toString() ?? ''}
          key={`lng-${value?.longitude}`}
          onBlur={(e) => typed('longitude', e.target.value)}
        />
      </div>
      <label className="qs-meta" htmlFor="loc-address">
        {t('report.address')}
      </label>
      <Input
        className="qs-input"
        id="loc-address"
        defaultValue={value?.address ?? ''}
        onBlur={(e) => value !== undefined && onChange({ ...value, address: e.target.value.trim() })}
      />
    </div>
  );
};
