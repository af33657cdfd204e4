/**
 * MQTT topic filters as the broker and the FROM clause use them (MQTT 3.1.1 §4.7): `+` matches
 * exactly one level (which may be empty), `#` matches the parent level and everything below it and
 * may only be the last level. Filters that start with a wildcard do not match `$`-topics (§4.7.2),
 * so `#` never picks up `$aws/...` traffic.
 */

export interface TopicFilterProblem {
  readonly message: string;
  /** Offset of the offending character inside the filter. */
  readonly offset: number;
}

export const findTopicFilterProblem = (filter: string): TopicFilterProblem | undefined => {
  if (filter.length === 0) return { message: 'topic filter is empty', offset: 0 };
  const levels = filter.split('/');
  let offset = 0;
  for (const [index, level] of levels.entries()) {
    const problem = checkLevel(level, index === levels.length - 1);
    if (problem !== undefined) return { message: problem, offset: offset + level.search(/[#+]/) };
    offset += level.length + 1;
  }
  return undefined;
};

const checkLevel = (level: string, isLast: boolean): string | undefined => {
  if (level.includes('#') && level !== '#') return "'#' must occupy a whole topic level";
  if (level === '#' && !isLast) return "'#' must be the last topic level";
  if (level.includes('+') && level !== '+') return "'+' must occupy a whole topic level";
  return undefined;
};

/** True when a message published on `topic` is delivered to a subscription on `filter`. */
export const topicMatchesFilter = (filter: string, topic: string): boolean => {
  const problem = findTopicFilterProblem(filter);
  if (problem !== undefined) {
    throw new Error(`invalid topic filter '${filter}': ${problem.message} (offset ${problem.offset})`);
  }
  if (!isValidTopicName(topic)) return false;
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  return levelsMatch(filter.split('/'), topic.split('/'));
};

/** A published topic name is non-empty and contains no wildcards. */
const isValidTopicName = (topic: string): boolean => topic.length > 0 && !/[#+]/.test(topic);

const levelsMatch = (filterLevels: readonly string[], topicLevels: readonly string[]): boolean => {
  for (const [index, filterLevel] of filterLevels.entries()) {
    if (filterLevel === '#') return true;
    const topicLevel = topicLevels[index];
    if (topicLevel === undefined) return false;
    if (filterLevel !== '+' && filterLevel !== topicLevel) return false;
  }
  return filterLevels.length === topicLevels.length;
};
