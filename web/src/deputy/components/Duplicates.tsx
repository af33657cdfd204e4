import { Button, List, Popup } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseView } from '../api.ts';
import { caseStateLabel } from './labels.ts';
import { MediaThumbs } from './MediaThumbs.tsx';

/** Open cases near the draft's location, with their photos, offered before sending. */
export const DuplicatesSheet = ({
  visible,
  candidates,
  onFollow,
  onSendAnyway,
  onClose,
}: {
  visible: boolean;
  candidates: readonly { item: CaseView; distance: number }[];
  onFollow: (caseId: string) => void;
  onSendAnyway: () => void;
  onClose: () => void;
}) => {
  const { t, label } = useI18n();
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ maxHeight: '80vh', overflowY: 'auto' }}>
      <section className="qs-page" aria-labelledby="dup-title">
        <h2 id="dup-title">{t('dup.title')}</h2>
        <p className="qs-meta">{t('dup.hint')}</p>
        <List>
          {candidates.map(({ item, distance }) => (
            <List.Item
              key={item.id}
              description={`${label(caseStateLabel(item.state))} · ${t('dup.distance', { m: Math.round(distance) })}`}
              extra={
                <Button size="small" color="primary" onClick={() => onFollow(item.id)}>
                  {t('dup.follow')}
                </Button>
              }
            >
              <div>{item.title}</div>
              <MediaThumbs ids={item.mediaIds.slice(0, 3)} label={t('case.photos')} />
            </List.Item>
          ))}
        </List>
        <div className="qs-actions">
          <Button block onClick={onSendAnyway}>
            {t('dup.sendAnyway')}
          </Button>
        </div>
      </section>
    </Popup>
  );
};

/** Great-circle distance in metres (the API's own figure is not returned on a list). */
export const distanceMeters = (
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) => {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};
