/**
 * Evaluates a template value as CloudFormation would at deploy time, for the few intrinsics the web
 * stack's config uses: `Ref` to an SSM-typed parameter (given its value by parameter name),
 * `Fn::Join`, `Fn::Split`, `Fn::Select`. Anything else fails, so a test never passes on a value it
 * could not read.
 */
type Template = { Parameters?: Record<string, { Type: string; Default?: string }> };

export const resolveWith = (template: Template, ssm: Record<string, string>) => {
  const parameterValue = (logicalId: string): string => {
    const parameter = template.Parameters?.[logicalId];
    const name = parameter?.Default;
    if (
      parameter === undefined ||
      !parameter.Type.startsWith('AWS::SSM::Parameter::Value') ||
      name === undefined
    ) {
      throw new Error(`Ref ${logicalId} is not an SSM parameter`);
    }
    const value = ssm[name];
    if (value === undefined) throw new Error(`no value given for SSM parameter ${name}`);
    return value;
  };
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
    if (Array.isArray(value)) return value.map(resolve);
    const object = value as Record<string, unknown>;
    if ('Ref' in object) return parameterValue(String(object.Ref));
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return (resolve(parts) as string[]).join(separator);
    }
    if ('Fn::Split' in object) {
      const [separator, text] = object['Fn::Split'] as [string, unknown];
      return String(resolve(text)).split(separator);
    }
    if ('Fn::Select' in object) {
      const [index, list] = object['Fn::Select'] as [number, unknown];
      return (resolve(list) as unknown[])[index];
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  };
  return resolve;
};
