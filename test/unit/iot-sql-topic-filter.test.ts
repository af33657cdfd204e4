import { describe, expect, it } from 'vitest';
import { topicMatchesFilter } from '../../infra/local/iot-sql/index.ts';

describe('topicMatchesFilter', () => {
  it.each([
    // exact
    ['a/b/c', 'a/b/c', true],
    ['a/b/c', 'a/b', false],
    ['a/b', 'a/b/c', false],
    ['a/b/c', 'a/b/d', false],
    ['A/b', 'a/b', false],
    // + matches exactly one level
    ['qingshan/meters/+/telemetry', 'qingshan/meters/M-1/telemetry', true],
    ['qingshan/meters/+/telemetry', 'qingshan/meters/telemetry', false],
    ['qingshan/meters/+/telemetry', 'qingshan/meters/a/b/telemetry', false],
    ['+', 'a', true],
    ['+', 'a/b', false],
    ['+/b', 'a/b', true],
    ['a/+', 'a/b', true],
    ['a/+', 'a/b/c', false],
    ['+/+', '/b', true],
    // # matches the parent level and everything below it
    ['#', 'a', true],
    ['#', 'a/b/c', true],
    ['#', '/', true],
    ['a/#', 'a', true],
    ['a/#', 'a/b', true],
    ['a/#', 'a/b/c', true],
    ['a/#', 'b/a', false],
    ['a/#', 'ab', false],
    ['a/+/#', 'a/b/c/d', true],
    ['a/+/#', 'a', false],
    // empty levels are levels
    ['a//b', 'a//b', true],
    ['a/+/b', 'a//b', true],
    ['a/+', 'a/', true],
    ['a/b', 'a/b/', false],
    ['/a', '/a', true],
    ['+/a', '/a', true],
    // wildcards at the first level do not match $-topics (MQTT 3.1.1 §4.7.2)
    ['#', '$aws/things/t1/shadow/update', false],
    ['+/things/#', '$aws/things/t1', false],
    ['$aws/things/+/shadow/#', '$aws/things/t1/shadow/update', true],
    // a published topic name is never empty and never contains wildcards
    ['#', '', false],
    ['a/+', 'a/+', false],
    ['a/#', 'a/#', false],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatchesFilter(filter, topic)).toBe(expected);
  });

  it.each(['', 'a/#/b', 'a#', 'a/b+', '++'])('rejects the invalid filter %j', (filter) => {
    expect(() => topicMatchesFilter(filter, 'a/b')).toThrow(/invalid topic filter/);
  });
});
