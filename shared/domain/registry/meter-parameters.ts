import {
  type MeasuredParameter,
  measuredParameterProblems,
  overlappingParameters,
} from '../carbon/accounting/measured-parameters.ts';
import type { FieldError } from '../errors.ts';
import { fuelBasisOf, isFuelEnergyType } from './energy-types.ts';
import type { EnergyType } from './records.ts';

/**
 * Measured parameters on a meter (实测值): only fuel meters burn something whose NCV, carbon content,
 * oxidation or density can be measured; an NCV must be on the basis the fuel is counted on (per
 * tonne, or per 10⁴ Nm³ for gas); a density only matters for a meter counting litres; and two
 * measurements of one parameter may not hold on the same day.
 */

const NCV_UNITS = { gas: ['GJ/10^4Nm3', 'MJ/Nm3'], mass: ['GJ/t', 'MJ/kg'] };

const basisProblem = (energyType: EnergyType, unit: string, p: MeasuredParameter): string | undefined => {
  if (p.parameter === 'ncv') {
    const gas = isFuelEnergyType(energyType) && fuelBasisOf(energyType) === 'gas';
    const allowed = gas ? NCV_UNITS.gas : NCV_UNITS.mass;
    if (!allowed.includes(p.unit)) {
      return `低位发热量单位与燃料不符 (an NCV for ${energyType} is in ${allowed.join(' or ')}, not ${p.unit})`;
    }
  }
  if (p.parameter === 'density' && unit !== 'L') {
    return `仅按升计量的表需要密度 (density applies to meters counting litres, not ${unit})`;
  }
  return undefined;
};

export const measuredParameterErrors = (
  energyType: EnergyType,
  unit: string,
  list: readonly MeasuredParameter[] | undefined,
  prefix: string,
): FieldError[] => {
  if (list === undefined || list.length === 0) return [];
  const path = `${prefix}/measuredParameters`;
  if (!isFuelEnergyType(energyType)) {
    return [
      {
        path,
        message: `实测参数仅适用于燃料计量表 (measured parameters apply to fuel meters, not ${energyType})`,
      },
    ];
  }
  const errors: FieldError[] = list.flatMap((p, index) => {
    const problems = measuredParameterProblems(p).map(([field, message]) => ({
      path: `${path}/${index}/${field}`,
      message,
    }));
    const basis = problems.length === 0 ? basisProblem(energyType, unit, p) : undefined;
    return basis === undefined ? problems : [...problems, { path: `${path}/${index}/unit`, message: basis }];
  });
  for (const [, later] of overlappingParameters(list)) {
    errors.push({
      path: `${path}/${later}/validFrom`,
      message: `同一参数的有效期重叠 (two ${list[later]?.parameter} measurements would hold on the same day)`,
    });
  }
  return errors;
};
