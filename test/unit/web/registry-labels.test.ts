import { describe, expect, it } from 'vitest';
import {
  measuredParametersOf,
  measuredParameterUnits,
} from '../../../shared/domain/registry/meter-parameters.ts';
import { changesText, changeText, valueText } from '../../../web/src/console/registry/change-text.ts';
import {
  ENTERPRISE_FIELDS,
  fieldLabel,
  formLabel,
  METER_FIELDS,
} from '../../../web/src/console/registry/field-labels.ts';
import { measuredChange, measuredRows } from '../../../web/src/console/registry/measured-rows.ts';

const NCV = {
  parameter: 'ncv' as const,
  value: 42.9,
  unit: 'GJ/t',
  validFrom: '2026-01-01',
  validTo: '2026-06-30',
  source: '检测报告 QS-2026-01',
};

describe('registry words', () => {
  it('gives the form its label with the hint and the audit trail the label alone, from one entry', () => {
    expect(formLabel(METER_FIELDS.expectedIntervalSeconds)).toBe('上报间隔（秒；超过即告警离线）');
    expect(formLabel(METER_FIELDS.name)).toBe('名称');
    expect(fieldLabel('meter', 'expectedIntervalSeconds')).toBe('上报间隔');
    expect(fieldLabel('enterprise', 'name')).toBe(ENTERPRISE_FIELDS.name.label);
    expect(fieldLabel('facility', 'name')).toBe('设施名称');
    // A field no form knows keeps the API's name rather than being hidden; inherited keys are no labels.
    expect(fieldLabel('meter', 'somethingNew')).toBe('somethingNew');
    expect(fieldLabel('meter', 'toString')).toBe('toString');
  });

  it('shows codes in Chinese: energy type, unit, status by subject, reading kind, scope, grid region', () => {
    expect(valueText('meter', 'energyType', 'natural-gas')).toBe('天然气');
    expect(valueText('meter', 'unit', 'kWh')).toBe('千瓦时（kWh）');
    expect(valueText('meter', 'unit', '10^4Nm3')).toBe('万标准立方米（10^4Nm3）');
    expect(valueText('meter', 'status', 'retired')).toBe('已停用');
    expect(valueText('enterprise', 'status', 'suspended')).toBe('停产');
    expect(valueText('meter', 'readingKind', 'cumulative')).toMatch(/^累计值/);
    expect(valueText('meter', 'scope', 2)).toBe('范围二');
    expect(valueText('meter', 'gridRegion', 'CN-SOUTH')).toBe('南方区域（CN-SOUTH）');
    expect(valueText('meter', 'greenPower', true)).toBe('是');
    expect(valueText('meter', 'source', 'feed')).toBe('账户计量点（以导入数据计量）');
    expect(valueText('meter', 'maxPerHour', undefined)).toBe('—');
    expect(valueText('meter', 'maxPerHour', 500)).toBe('500');
    expect(valueText('enterprise', 'location', { latitude: 30.5, longitude: 114.3 })).toBe(
      '纬度 30.5，经度 114.3',
    );
    expect(valueText('enterprise', 'economics', { '2026': { outputValue: 4000, valueAdded: 1200 } })).toBe(
      '2026 年 总产值 4000 万元，增加值 1200 万元',
    );
  });

  it("lists an entry's changes in the order its form shows the fields, unknown ones last", () => {
    // The API sorts changes by field name; the trail reads as the form does.
    const changes = ['address', 'handle', 'id', 'name', 'somethingNew', 'status', 'uscc'].map((field) => ({
      field,
      after: 'x',
    }));
    expect(changesText('enterprise', changes).map((c) => c.label)).toEqual([
      '企业编号',
      '企业名称',
      '统一社会信用代码',
      '地址',
      '状态',
      '工业互联网标识',
      'somethingNew',
    ]);
    expect(
      changesText('meter', [
        { field: 'maxPerHour' },
        { field: 'expectedIntervalSeconds' },
        { field: 'name' },
      ]).map((c) => c.field),
    ).toEqual(['name', 'maxPerHour', 'expectedIntervalSeconds']);
  });

  it('reads a measured parameter as one line with its unit and period', () => {
    expect(changeText('meter', { field: 'measuredParameters', after: [NCV] })).toEqual({
      field: 'measuredParameters',
      label: '实测参数',
      before: '—',
      after: '低位发热量 42.9 吉焦/吨（GJ/t），2026-01-01 至 2026-06-30，检测报告 QS-2026-01',
    });
  });
});

describe('measured parameters in the meter form', () => {
  it('offers only what the registry accepts for the meter', () => {
    expect(measuredParametersOf('diesel', 'L')).toEqual([
      'ncv',
      'carbon-content',
      'oxidation-rate',
      'density',
    ]);
    expect(measuredParametersOf('raw-coal', 't')).toEqual(['ncv', 'carbon-content', 'oxidation-rate']);
    expect(measuredParametersOf('electricity', 'kWh')).toEqual([]);
    expect(measuredParameterUnits('natural-gas', 'Nm3', 'ncv')).toEqual(['GJ/10^4Nm3', 'MJ/Nm3']);
    expect(measuredParameterUnits('diesel', 'L', 'ncv')).toEqual(['GJ/t', 'MJ/kg']);
    expect(measuredParameterUnits('diesel', 'L', 'oxidation-rate')).toEqual(['fraction', '%']);
  });

  it('sends the whole list, null once the last is removed, and nothing when there was none', () => {
    const rows = measuredRows([NCV]);
    expect(measuredChange([NCV], [...rows, { ...NCV, value: 43, source: ' 送货单 ' }])).toEqual({
      measuredParameters: [NCV, { ...NCV, value: 43, source: '送货单' }],
    });
    expect(measuredChange([NCV], [])).toEqual({ measuredParameters: null });
    expect(measuredChange(undefined, [])).toEqual({});
    // The stored list sent back untouched (the form keeps its keys in the order they were filled) is no change.
    const { value, parameter, ...rest } = NCV;
    expect(measuredChange([NCV], [{ value, ...rest, parameter }])).toEqual({});
    expect(
      JSON.stringify(measuredChange(undefined, [{ value, ...rest, parameter }]).measuredParameters),
    ).toBe(JSON.stringify([NCV]));
    expect(measuredChange(undefined, undefined)).toEqual({});
    expect(measuredRows(undefined)).toEqual([]);
  });
});
