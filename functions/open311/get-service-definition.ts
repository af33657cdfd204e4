import { NotFoundError } from '../../shared/domain/errors.ts';
import { splitFormatSuffix } from '../../shared/domain/open311/open311-format.ts';
import { serviceDefinition } from '../../shared/domain/open311/open311-services.ts';
import { open311Handler } from '../middleware/open311.ts';

/** GET services/{code} (GeoReport v2): the attributes a service takes; 404 for an unknown code. */
export const handler = open311Handler(async ({ params }) => {
  const code = splitFormatSuffix(params.code ?? '').name;
  const definition = serviceDefinition(code);
  if (definition === undefined) {
    throw new NotFoundError(`没有此服务 ${code.slice(0, 100)} (service_code not found)`);
  }
  return { root: 'service_definition', value: definition };
});
