import { Button, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { CaseView } from '../api.ts';
import { distanceMeters } from '../components/Duplicates.tsx';
import { caseStateLabel, categoryLabel } from '../components/labels.ts';
import { useApp } from '../context.tsx';
import { DeputyMap } from '../map/DeputyMap.tsx';

/** Where to look when the phone has no fix: the middle of the (illustrative) demo district. */
const DISTRICT_CENTRE = { latitude: 30.52, longitude: 114.31 };
const RADIUS_M = 3000;

/** Public cases (and the deputy's own) around them, on the offline vector map and as a list. */
const Nearby = () => {
  const { t, label } = useI18n();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const [centre, setCentre] = useState(DISTRICT_CENTRE);
  const [items, setItems] = useState<CaseView[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api
      .listCases({ near: `${centre.latitude},${centre.longitude}`, radius: RADIUS_M, limit: 100 })
      .then((list) => {
        setItems(list.items);
        setError(undefined);
      })
      .catch((e: Error) => setError(e.message));
  }, [api, centre]);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setCentre({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => undefined,
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  // Around the deputy from the start when the phone knows where it is; the district centre otherwise.
  useEffect(locate, []);
  const located = (items ?? []).filter((item) => item.location !== undefined);
  return (
    <div className="qs-page">
      <div className="qs-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('nearby.title')}</h1>
        <Button size="small" fill="outline" onClick={locate}>
          {t('nearby.locate')}
        </Button>
      </div>
      <DeputyMap
        label={t('nearby.title')}
        pin={centre}
        centre={centre}
        points={located.map((item) => ({
          id: item.id,
          latitude: item.location?.latitude ?? 0,
          longitude: item.location?.longitude ?? 0,
          label: `${item.title}（${label(caseStateLabel(item.state))}）`,
          tone: item.reporterId === session?.userId ? 'mine' : item.state === 'closed' ? 'closed' : 'open',
        }))}
        onSelect={(id) => navigate(`cases/${id}`)}
      />
      <p className="qs-meta">{t('nearby.illustrative')}</p>
      {error !== undefined && (
        <p className="qs-error" role="alert">
          {t('loadFailed', { e: error })}
        </p>
      )}
      {items !== undefined && located.length === 0 && <p className="qs-center">{t('nearby.empty')}</p>}
      {located.length > 0 && (
        <List>
          {located.map((item) => (
            <List.Item
              key={item.id}
              arrowIcon
              onClick={() => navigate(`cases/${item.id}`)}
              description={`${label(categoryLabel(item.categoryId))} · ${label(caseStateLabel(item.state))} · ${t(
                'dup.distance',
                {
                  m: Math.round(distanceMeters(centre, item.location ?? centre)),
                },
              )}`}
            >
              {item.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
};

export default Nearby;
