import mqtt, { type MqttClient } from 'mqtt';
import { telemetryTopic } from '../../../shared/contracts/carbon/telemetry.ts';
import { LOCAL_STAGE } from '../environment.ts';
import type { RunTally } from './report.ts';

/** One MQTT session per meter, QoS 1 publishes with a bounded window of unacknowledged messages. */
export class FleetPublisher {
  readonly #clients = new Map<string, MqttClient>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #tally: RunTally;

  private constructor(tally: RunTally) {
    this.#tally = tally;
  }

  static async connect(
    url: string,
    devices: readonly { meterId: string; secret: string }[],
    tally: RunTally,
  ): Promise<FleetPublisher> {
    const publisher = new FleetPublisher(tally);
    for (const device of devices) {
      const options = { clientId: device.meterId, username: device.meterId, password: device.secret };
      try {
        const client = await mqtt.connectAsync(url, { ...options, protocolVersion: 4 });
        publisher.#clients.set(device.meterId, client);
      } catch (error) {
        // CONNACK 4/5: the secret in devices.json no longer holds (rotated or revoked through
        // /meters/{id}/credentials). Leave that meter out rather than abort the whole fleet.
        const code = (error as { code?: unknown }).code;
        if (code !== 4 && code !== 5) throw error;
        process.stderr.write(
          `${device.meterId}: the broker refused the secret in devices.json (rotated or revoked?); ` +
            'left out of this run. `npm start -- --reset` restores the demo credentials.\n',
        );
      }
    }
    return publisher;
  }

  isConnected(meterId: string): boolean {
    return this.#clients.has(meterId);
  }

  async publish(meterId: string, body: string): Promise<void> {
    while (this.#inFlight.size >= 200) await Promise.race(this.#inFlight);
    const client = this.#clients.get(meterId);
    if (client === undefined) return;
    const sent: Promise<void> = client
      .publishAsync(telemetryTopic(LOCAL_STAGE, meterId), body, { qos: 1 })
      .then(
        () => {
          this.#tally.acked += 1;
        },
        () => {
          this.#tally.failed += 1;
        },
      );
    const tracked = sent.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  /** The meter's session ends: the broker sees it go away, and it sends nothing more. */
  async disconnect(meterId: string): Promise<void> {
    await this.drain();
    await this.#clients.get(meterId)?.endAsync();
    this.#clients.delete(meterId);
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  async close(): Promise<void> {
    await this.drain();
    await Promise.all([...this.#clients.values()].map((client) => client.endAsync()));
    this.#clients.clear();
  }
}
