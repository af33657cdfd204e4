import { Button, Space, Spin } from 'antd';
import { lazy, Suspense } from 'react';

const DistrictMap = lazy(() => import('../map/DistrictMap.tsx'));

export interface Point {
  latitude: number;
  longitude: number;
}

/**
 * A location as a form control: a click on the district map sets it (WGS-84, six decimals, about
 * a tenth of a metre), the coordinates are shown beside, and 清除 removes it.
 */
export const LocationField = ({
  value,
  onChange,
  label,
}: {
  value?: Point | null;
  onChange?: (point: Point | null) => void;
  label: string;
}) => {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const points =
    value == null
      ? []
      : [{ id: 'here', label, latitude: value.latitude, longitude: value.longitude, tone: 'focus' as const }];
  return (
    <div>
      <Suspense fallback={<Spin />}>
        <DistrictMap
          label={`${label}：在地图上点击选择位置`}
          points={points}
          height={260}
          onPick={(latitude, longitude) =>
            onChange?.({ latitude: round(latitude), longitude: round(longitude) })
          }
        />
      </Suspense>
      <Space size="small" className="qs-muted">
        <output aria-label={`${label}坐标`}>
          {value == null ? '未选择（点击地图）' : `纬度 ${value.latitude}，经度 ${value.longitude}`}
        </output>
        {value == null ? null : (
          <Button size="small" onClick={() => onChange?.(null)}>
            清除位置
          </Button>
        )}
      </Space>
    </div>
  );
};
