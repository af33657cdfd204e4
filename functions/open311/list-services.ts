import { serviceList } from '../../shared/domain/open311/open311-services.ts';
import { open311Handler } from '../middleware/open311.ts';

/** GET services (GeoReport v2): the 随手拍 categories. */
export const handler = open311Handler(async () => ({ root: 'services', value: serviceList() }));
