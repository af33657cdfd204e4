import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HttpApiCore } from '../constructs/http-api.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface ApiStackProps extends StackProps {
  settings: DeploymentSettings;
  corsOrigins?: string[];
}

/**
 * The stage's HTTP API, default stage and JWT authorizer. Its routes belong to the context stacks, so
 * this stack does not grow with the API; it publishes the ids they need through SSM.
 */
export class ApiStack extends Stack {
  public readonly api: HttpApiCore;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.api = new HttpApiCore(this, 'Api', {
      settings: props.settings,
      ...(props.corsOrigins === undefined ? {} : { corsOrigins: props.corsOrigins }),
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'Region', { value: this.region });
  }
}
