import { Empty, Radio, Space, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { CaseView } from '../api.ts';
import { useConsole } from '../context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { stateLabel } from './labels.ts';

const DistrictMap = lazy(() => import('../map/DistrictMap.tsx'));
const RADIUS = 500;

/**
 * Picks the original of a duplicate among the cases near it (within 500 m, any category, the API's
 * possible duplicates first): on the map (click a point) or in the list beside it (keyboard).
 */
export const DuplicatePicker = ({
  record,
  value,
  onChange,
}: {
  record: CaseView;
  value?: string;
  onChange?: (id: string) => void;
}) => {
  const { api } = useConsole();
  const at = record.location;
  const nearby = useLoad(
    async () =>
      at === undefined
        ? []
        : (
            await api.listCases({ near: `${at.latitude},${at.longitude}`, radius: RADIUS, limit: 50 })
          ).items.filter((c) => c.id !== record.id && c.state !== 'duplicate'),
    record.id,
  );
  if (at === undefined) return <Empty description="此案件没有位置，无法查找附近案件" />;
  if (nearby.loading) return <Spin />;
  const flagged = new Set((record.possibleDuplicates ?? []).map((d) => d.id));
  const candidates = [...(nearby.data ?? [])].sort(
    (a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Suspense fallback={null}>
        <DistrictMap
          height={260}
          label={`本案附近 ${RADIUS} 米内的案件地图，共 ${candidates.length} 件`}
          circle={{ latitude: at.latitude, longitude: at.longitude, radius: RADIUS }}
          points={[
            {
              id: record.id,
              latitude: at.latitude,
              longitude: at.longitude,
              label: `本案：${record.title}`,
              tone: 'focus',
            },
            ...candidates.flatMap((c) =>
              c.location === undefined
                ? []
                : [
                    {
                      id: c.id,
                      latitude: c.location.latitude,
                      longitude: c.location.longitude,
                      label: c.title,
                      tone: value === c.id ? ('closed' as const) : ('open' as const),
                    },
                  ],
            ),
          ]}
          onSelect={(id) => id !== record.id && onChange?.(id)}
        />
      </Suspense>
      {candidates.length === 0 ? (
        <Empty description="附近没有其他案件" />
      ) : (
        <Radio.Group
          value={value}
          onChange={(event) => onChange?.(event.target.value as string)}
          aria-label="原案件"
        >
          <Space direction="vertical">
            {candidates.map((c) => (
              <Radio key={c.id} value={c.id}>
                {c.title}（{stateLabel(c.state)}，{c.id}）{flagged.has(c.id) ? '· 系统提示可能重复' : ''}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
    </Space>
  );
};
