import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Granularity } from './api.ts';
import { GRANULARITY_LABELS } from './labels.ts';
import { kindOf } from './period.ts';

/**
 * Period (a month or a day) and, for pages with a series, its granularity; every change goes to the
 * URL. `children` adds a page's own filters to the same form.
 */
export const PeriodBar = ({
  period,
  granularity,
  onChange,
  children,
}: {
  period: string;
  granularity?: Granularity;
  onChange: (changes: { period?: string; gran?: string }) => void;
  children?: ReactNode;
}) => {
  const kind = kindOf(period);
  return (
    <Form layout="inline" className="qs-filters" aria-label="统计期">
      <Form.Item label="统计期" htmlFor="c-kind">
        <Select
          id="c-kind"
          style={{ width: 90 }}
          value={kind}
          options={[
            { value: 'month', label: '按月' },
            { value: 'day', label: '按日' },
          ]}
          onChange={(next: string) =>
            onChange(
              next === 'month'
                ? { period: period.slice(0, 7), gran: undefined }
                : { period: `${period.slice(0, 7)}-01`, gran: undefined },
            )
          }
        />
      </Form.Item>
      <Form.Item label={kind === 'month' ? '月份' : '日期'} htmlFor="c-period">
        <DatePicker
          id="c-period"
          picker={kind === 'month' ? 'month' : 'date'}
          allowClear={false}
          value={dayjs(kind === 'month' ? `${period}-01` : period)}
          onChange={(d) => d && onChange({ period: d.format(kind === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD') })}
        />
      </Form.Item>
      {granularity === undefined ? null : (
        <Form.Item label="曲线粒度" htmlFor="c-gran">
          <Select
            id="c-gran"
            style={{ width: 90 }}
            value={granularity}
            options={(['hour', 'day', 'month'] as const).map((g) => ({
              value: g,
              label: GRANULARITY_LABELS[g],
            }))}
            onChange={(gran: string) => onChange({ gran })}
          />
        </Form.Item>
      )}
      {children}
    </Form>
  );
};
