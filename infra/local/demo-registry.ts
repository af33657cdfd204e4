import type { MeterRecord } from '../../shared/domain/registry/records.ts';
import { computeUsccCheckCharacter } from '../../shared/domain/registry/uscc.ts';

/**
 * The demo fleet `npm start` seeds and `npm run simulate` drives: four enterprises with one facility
 * each (FAC-000n of ENT-000n) and a meter of every energy type the accounting engine handles.
 * MTR-0001..0003 are fixed: tests use them. Industry codes are GB/T 4754-2017 classes:
 *   C3311 金属结构制造, C1713 棉印染精加工, C3011 水泥制造, G5431 普通货物道路运输.
 * Their places lie inside the bundled (illustrative) district outline, so the carbon map shows them.
 */

/** A demo USCC: the given 17 characters plus their GB 32100 check character. */
const demoUscc = (body: string): string => body + computeUsccCheckCharacter(body);

export const DEMO_ENTERPRISES = [
  {
    id: 'ENT-0001',
    name: '青山精密金属结构有限公司',
    uscc: demoUscc('91440300MA5F8K2L3'),
    industryCode: 'C3311',
    address: '青山区工业园东区 8 号',
    location: { latitude: 30.532, longitude: 114.29 },
  },
  {
    id: 'ENT-0002',
    name: '青山印染有限公司',
    uscc: demoUscc('91440300770812345'),
    industryCode: 'C1713',
    address: '青山区滨河路 21 号',
    location: { latitude: 30.505, longitude: 114.338 },
  },
  {
    id: 'ENT-0003',
    name: '青山建材水泥有限公司',
    uscc: demoUscc('91440300MA5G3N7P1'),
    industryCode: 'C3011',
    address: '青山区石岭工业区 3 号',
    location: { latitude: 30.548, longitude: 114.275 },
  },
  {
    id: 'ENT-0004',
    name: '青山城配物流有限公司',
    uscc: demoUscc('91440300MA5H6Q9T4'),
    industryCode: 'G5431',
    address: '青山区物流园北路 66 号',
    location: { latitude: 30.492, longitude: 114.295 },
  },
] as const;

export type DemoMeter = Pick<
  MeterRecord,
  'id' | 'name' | 'energyType' | 'unit' | 'readingKind' | 'scope' | 'expectedIntervalSeconds'
> &
  Partial<Pick<MeterRecord, 'rolloverValue' | 'gridRegion' | 'greenPower'>> & {
    enterpriseId: string;
    facilityId: string;
  };

const at = (enterprise: 1 | 2 | 3 | 4) => ({
  enterpriseId: `ENT-000${enterprise}`,
  facilityId: `FAC-000${enterprise}`,
});

export const DEMO_METER_PROFILES: readonly DemoMeter[] = [
  {
    id: 'MTR-0001',
    ...at(1),
    name: '总进线电表',
    energyType: 'electricity',
    unit: 'kWh',
    readingKind: 'interval',
    scope: 2,
    gridRegion: 'CN-SOUTH',
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0002',
    ...at(2),
    name: '锅炉天然气表',
    energyType: 'natural-gas',
    unit: 'Nm3',
    readingKind: 'cumulative',
    rolloverValue: 99_999_999,
    scope: 1,
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0003',
    ...at(1),
    name: '备用发电机柴油表',
    energyType: 'diesel',
    unit: 'L',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
  {
    id: 'MTR-0004',
    ...at(1),
    name: '热处理炉天然气表（6 位机械计数器）',
    energyType: 'natural-gas',
    unit: 'Nm3',
    readingKind: 'cumulative',
    rolloverValue: 999_999,
    scope: 1,
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0005',
    ...at(2),
    name: '绿电直购专线电表',
    energyType: 'electricity',
    unit: 'kWh',
    readingKind: 'interval',
    scope: 2,
    gridRegion: 'CN-SOUTH',
    greenPower: true,
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0006',
    ...at(2),
    name: '外购蒸汽流量计',
    energyType: 'steam-heat',
    unit: 'GJ',
    readingKind: 'interval',
    scope: 2,
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0007',
    ...at(3),
    name: '回转窑原煤皮带秤',
    energyType: 'raw-coal',
    unit: 't',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
  {
    id: 'MTR-0008',
    ...at(3),
    name: '110 kV 总降电表',
    energyType: 'electricity',
    unit: 'MWh',
    readingKind: 'interval',
    scope: 2,
    gridRegion: 'CN-SOUTH',
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0009',
    ...at(3),
    name: '熟料煅烧过程排放在线监测（CEMS）',
    energyType: 'process-emission',
    unit: 'tCO2e',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
  {
    id: 'MTR-0010',
    ...at(4),
    name: '场内加油机柴油累计表',
    energyType: 'diesel',
    unit: 'L',
    readingKind: 'cumulative',
    rolloverValue: 999_999,
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
  {
    id: 'MTR-0011',
    ...at(4),
    name: '通勤车辆汽油加注表',
    energyType: 'gasoline',
    unit: 'L',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
  {
    id: 'MTR-0012',
    ...at(4),
    name: '叉车液化石油气称重表',
    energyType: 'lpg',
    unit: 'kg',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
];

/** The meters that get broker credentials (all of them). */
export const DEMO_METERS: readonly string[] = DEMO_METER_PROFILES.map((meter) => meter.id);
