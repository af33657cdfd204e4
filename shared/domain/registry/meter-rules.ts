import { type FieldError, UnprocessableError } from '../errors.ts';
import { measuredParameterErrors } from './meter-parameters.ts';
import { METER_UNITS, scopeOfEnergyType } from './meter-units.ts';
import type { EnergyType, MeterRecord, ReadingKind } from './records.ts';

/** The fields whose combination must make sense for the accounting engine and the ingest pipeline. */
export type MeterProfile = Pick<
  MeterRecord,
  'energyType' | 'unit' | 'readingKind' | 'scope' | 'greenPower' | 'expectedIntervalSeconds'
> &
  Partial<Pick<MeterRecord, 'rolloverValue' | 'gridRegion' | 'measuredParameters'>>;

const unitErrors = (energyType: EnergyType, unit: string, prefix: string): FieldError[] =>
  METER_UNITS[energyType].includes(unit)
    ? []
    : [
        {
          path: `${prefix}/unit`,
          message: `计量单位与能源类型不符 (unit ${unit} is not allowed for ${energyType}; allowed: ${METER_UNITS[energyType].join(', ')})`,
        },
      ];

const readingKindErrors = (kind: ReadingKind, rolloverValue: number | undefined, prefix: string) => {
  if (rolloverValue === undefined) return [];
  if (kind === 'interval') {
    return [
      {
        path: `${prefix}/rolloverValue`,
        message: '区间计量表无翻转值 (rolloverValue applies to cumulative registers only)',
      },
    ];
  }
  return rolloverValue > 0
    ? []
    : [{ path: `${prefix}/rolloverValue`, message: '翻转值必须大于 0 (rolloverValue must be > 0)' }];
};

const electricityErrors = (profile: MeterProfile, prefix: string): FieldError[] => {
  const errors: FieldError[] = [];
  const isElectricity = profile.energyType === 'electricity';
  if (isElectricity && profile.gridRegion === undefined) {
    errors.push({
      path: `${prefix}/gridRegion`,
      message: '电表必须填写电网区域 (electricity meters need gridRegion, e.g. CN-SOUTH)',
    });
  }
  if (!isElectricity && profile.gridRegion !== undefined) {
    errors.push({
      path: `${prefix}/gridRegion`,
      message: '电网区域仅适用于电表 (gridRegion applies to electricity meters only)',
    });
  }
  if (!isElectricity && profile.greenPower) {
    errors.push({
      path: `${prefix}/greenPower`,
      message: '绿电仅适用于电表 (greenPower applies to electricity only)',
    });
  }
  return errors;
};

const scopeErrors = (profile: MeterProfile, prefix: string): FieldError[] => {
  const expected = scopeOfEnergyType(profile.energyType);
  return profile.scope === expected
    ? []
    : [
        {
          path: `${prefix}/scope`,
          message: `排放范围与能源类型不符 (${profile.energyType} is scope ${expected}, not ${profile.scope})`,
        },
      ];
};

/** Every inconsistency of a meter profile, as field errors (empty when consistent). */
export const meterProfileErrors = (profile: MeterProfile, prefix = '/body'): FieldError[] => [
  ...unitErrors(profile.energyType, profile.unit, prefix),
  ...readingKindErrors(profile.readingKind, profile.rolloverValue, prefix),
  ...electricityErrors(profile, prefix),
  ...scopeErrors(profile, prefix),
  ...measuredParameterErrors(profile.energyType, profile.unit, profile.measuredParameters, prefix),
];

/** Throws one 422 naming every inconsistent field. */
export const checkMeterProfile = (profile: MeterProfile, prefix = '/body'): void => {
  const errors = meterProfileErrors(profile, prefix);
  if (errors.length > 0) {
    throw new UnprocessableError(errors.map((error) => error.message).join('; '), errors);
  }
};
