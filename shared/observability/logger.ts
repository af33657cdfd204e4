import { Logger } from '@aws-lambda-powertools/logger';

/** One module-scope logger per process (Powertools examples/app); the service name comes from env. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'qingshan' });
