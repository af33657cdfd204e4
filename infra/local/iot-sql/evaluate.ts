/** Walks the syntax tree for one message. Pure: the same message and context give the same result. */
import type { Expr, SelectItem } from './ast.ts';
import { IotSqlEvaluationError } from './errors.ts';
import { callFunction } from './functions.ts';
import { applyBinary, applyNegate, applyNot } from './operators.ts';
import type { EvaluationScope } from './scope.ts';
import { isInt, isJsonObject, type JsonObject, type SqlValue } from './values.ts';

export const evaluateExpression = (expr: Expr, scope: EvaluationScope): SqlValue => {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'attribute':
      return ownValue(requireDocument(scope), expr.name);
    case 'member': {
      const object = evaluateExpression(expr.object, scope);
      return isJsonObject(object) ? ownValue(object, expr.name) : undefined;
    }
    case 'index':
      return elementAt(evaluateExpression(expr.object, scope), evaluateExpression(expr.index, scope));
    case 'call':
      return callFunction(expr.name, expr.args, scope, evaluateExpression);
    case 'payload':
      // The parser only accepts `*` as encode()'s first argument, which encode() reads itself.
      throw new IotSqlEvaluationError("'*' cannot be evaluated as a value");
    case 'unary': {
      const operand = evaluateExpression(expr.operand, scope);
      return expr.operator === 'NOT' ? applyNot(operand) : applyNegate(operand);
    }
    case 'binary':
      return applyBinary(
        expr.operator,
        evaluateExpression(expr.left, scope),
        evaluateExpression(expr.right, scope),
      );
  }
};

/**
 * Builds the action's input. Items apply in order, so a later key overrides one spread by `*`;
 * an item that evaluates to Undefined writes nothing.
 */
export const evaluateSelect = (items: readonly SelectItem[], scope: EvaluationScope): JsonObject => {
  const output: JsonObject = {};
  for (const item of items) {
    if (item.kind === 'wildcard') {
      for (const [key, value] of Object.entries(requireDocument(scope))) setKey(output, key, value);
    } else {
      const value = evaluateExpression(item.expr, scope);
      if (value !== undefined) setKey(output, item.key, value);
    }
  }
  return output;
};

const requireDocument = (scope: EvaluationScope): JsonObject => {
  // compileIotSql checks this before evaluating; kept so a missed case still fails loudly.
  if (scope.document === undefined) throw new IotSqlEvaluationError('payload is not a JSON object');
  return scope.document;
};

/** Own keys only: `constructor` or `__proto__` in a rule must not reach Object.prototype. */
const ownValue = (object: JsonObject, key: string): SqlValue =>
  Object.hasOwn(object, key) ? object[key] : undefined;

const elementAt = (array: SqlValue, index: SqlValue): SqlValue => {
  if (!Array.isArray(array) || !isInt(index) || index < 0) return undefined;
  return array[index];
};

/** A plain assignment of `__proto__` would change the prototype instead of adding a key. */
const setKey = (object: JsonObject, key: string, value: SqlValue): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};
