import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import type { Department } from '../api.ts';
import type { CaseFilters } from './case-views.ts';
import { CATEGORY_OPTIONS, STATE_OPTIONS } from './labels.ts';

const DistrictMap = lazy(() => import('../map/DistrictMap.tsx'));

interface Props {
  filters: CaseFilters;
  set: (changes: Record<string, string | undefined>) => void;
  departments: readonly Department[];
  showState: boolean;
  showDepartment: boolean;
}

/** The filters of a case list; each change is written to the URL (and so read back from it). */
export const CaseFilterBar = ({ filters, set, departments, showState, showDepartment }: Props) => {
  const [picking, setPicking] = useState(false);
  const change = (changes: Record<string, string | undefined>) => set({ ...changes, page: undefined });
  const near = filters.near?.split(',').map(Number);
  return (
    <Form layout="inline" className="qs-filters" aria-label="筛选条件">
      {showState ? (
        <Form.Item label="状态" htmlFor="f-state">
          <Select
            id="f-state"
            allowClear
            style={{ width: 130 }}
            placeholder="全部"
            value={filters.state}
            options={STATE_OPTIONS}
            onChange={(value?: string) => change({ state: value })}
          />
        </Form.Item>
      ) : null}
      <Form.Item label="类别" htmlFor="f-category">
        <Select
          id="f-category"
          allowClear
          style={{ width: 130 }}
          placeholder="全部"
          value={filters.category}
          options={CATEGORY_OPTIONS}
          onChange={(value?: string) => change({ category: value })}
        />
      </Form.Item>
      {showDepartment ? (
        <Form.Item label="部门" htmlFor="f-department">
          <Select
            id="f-department"
            allowClear
            style={{ width: 180 }}
            placeholder="全部"
            value={filters.department}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(value?: string) => change({ department: value })}
          />
        </Form.Item>
      ) : null}
      <Form.Item label="超期" htmlFor="f-overdue">
        <Select
          id="f-overdue"
          allowClear
          style={{ width: 90 }}
          placeholder="不限"
          value={filters.overdue}
          options={[
            { value: 'true', label: '超期' },
            { value: 'false', label: '未超期' },
          ]}
          onChange={(value?: string) => change({ overdue: value })}
        />
      </Form.Item>
      <Form.Item label="上报日期" htmlFor="f-dates">
        <DatePicker.RangePicker
          id={{ start: 'f-dates' }}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Form.Item>
      <Form.Item label="区域">
        <Space>
          <Button onClick={() => setPicking(true)}>
            {filters.near === undefined ? '在地图上选择' : `半径 ${filters.radius ?? 500} 米内`}
          </Button>
          {filters.near === undefined ? null : (
            <Button type="link" onClick={() => change({ near: undefined, radius: undefined })}>
              清除区域
            </Button>
          )}
        </Space>
      </Form.Item>
      <Form.Item label="关键词" htmlFor="f-q">
        <Input.Search
          id="f-q"
          allowClear
          placeholder="编号、标题、地址"
          defaultValue={filters.q}
          onSearch={(value) => change({ q: value })}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Modal
        title="选择区域：点击地图上的中心点"
        open={picking}
        onCancel={() => setPicking(false)}
        onOk={() => setPicking(false)}
        okText="完成"
        width={640}
      >
        <Space style={{ marginBottom: 8 }}>
          <label htmlFor="f-radius">半径</label>
          <Select
            id="f-radius"
            style={{ width: 120 }}
            value={filters.radius ?? '500'}
            options={['300', '500', '1000', '2000', '5000'].map((r) => ({ value: r, label: `${r} 米` }))}
            onChange={(radius: string) => change({ radius })}
          />
        </Space>
        <Suspense fallback={null}>
          <DistrictMap
            label="选择筛选区域的地图"
            points={[]}
            circle={
              near?.[0] === undefined || near[1] === undefined
                ? undefined
                : { latitude: near[0], longitude: near[1], radius: Number(filters.radius ?? 500) }
            }
            onPick={(lat, lng) =>
              change({ near: `${lat.toFixed(5)},${lng.toFixed(5)}`, radius: filters.radius ?? '500' })
            }
          />
        </Suspense>
      </Modal>
    </Form>
  );
};
