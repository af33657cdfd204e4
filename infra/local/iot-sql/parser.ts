/**
 * Recursive-descent parser for the IoT SQL subset:
 *
 *   statement := SELECT item (',' item)* FROM 'filter' [WHERE expr]
 *   item      := '*' | expr [AS identifier]
 *
 * Expressions use precedence climbing; from loosest to tightest: OR, AND, NOT, comparisons,
 * + -, * / %, unary minus, then `.name` and `[index]` after a primary.
 */
import type { BinaryOperator, Expr, SelectItem, Statement } from './ast.ts';
import { IotSqlSyntaxError } from './errors.ts';
import { checkCall } from './functions.ts';
import { describeToken, type Token, tokenize } from './lexer.ts';
import { isKeyword, isSymbol, TokenCursor } from './token-cursor.ts';
import { findTopicFilterProblem } from './topic-filter.ts';

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  OR: 1,
  AND: 2,
  '=': 4,
  '<>': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const NOT_PRECEDENCE = 3;

export const parseStatement = (sql: string): Statement => new Parser(tokenize(sql)).statement();

class Parser extends TokenCursor {
  statement(): Statement {
    this.expectKeyword('SELECT');
    const select = this.selectList();
    this.expectKeyword('FROM');
    const topicFilter = this.topicFilter();
    const where = this.acceptKeyword('WHERE') ? this.expression() : undefined;
    if (this.peek().kind !== 'eof') {
      const expected =
        where === undefined ? 'expected WHERE or end of statement' : 'expected end of statement';
      throw this.unexpected(expected);
    }
    return { select, topicFilter, where };
  }

  private selectList(): SelectItem[] {
    const items = [this.selectItem()];
    while (this.acceptSymbol(',')) items.push(this.selectItem());
    return items;
  }

  private selectItem(): SelectItem {
    const start = this.peek().start;
    if (this.acceptSymbol('*')) return { kind: 'wildcard', start };
    const expr = this.expression();
    if (this.acceptKeyword('AS')) {
      const alias = this.expect('identifier', 'expected an alias name after AS');
      return { kind: 'expression', expr, key: alias.text, start };
    }
    const key = implicitKey(expr);
    if (key === undefined) {
      throw new IotSqlSyntaxError('this SELECT item needs a key: write <expression> AS <name>', start);
    }
    return { kind: 'expression', expr, key, start };
  }

  private topicFilter(): string {
    const token = this.expect('string', 'expected a topic filter in single quotes after FROM');
    const problem = findTopicFilterProblem(token.text);
    if (problem !== undefined) throw new IotSqlSyntaxError(problem.message, token.start + 1 + problem.offset);
    return token.text;
  }

  private expression(minPrecedence = 1): Expr {
    let left = this.unary(minPrecedence);
    for (;;) {
      const token = this.peek();
      const precedence = binaryPrecedence(token);
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.advance();
      const right = this.expression(precedence + 1);
      const operator = (token.text === '!=' ? '<>' : token.text) as BinaryOperator;
      left = { kind: 'binary', operator, left, right, start: left.start };
    }
  }

  private unary(minPrecedence: number): Expr {
    const token = this.peek();
    if (isKeyword(token, 'NOT')) {
      if (minPrecedence > NOT_PRECEDENCE) throw this.unexpected('NOT needs parentheses here');
      this.advance();
      return { kind: 'unary', operator: 'NOT', operand: this.expression(NOT_PRECEDENCE), start: token.start };
    }
    if (isSymbol(token, '-')) {
      this.advance();
      return {
        kind: 'unary',
        operator: '-',
        operand: this.unary(Number.POSITIVE_INFINITY),
        start: token.start,
      };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      if (this.acceptSymbol('.')) {
        const name = this.expect('identifier', "expected an attribute name after '.'");
        expr = { kind: 'member', object: expr, name: name.text, start: expr.start };
      } else if (this.acceptSymbol('[')) {
        const index = this.expression();
        this.expectSymbol(']');
        expr = { kind: 'index', object: expr, index, start: expr.start };
      } else {
        return expr;
      }
    }
  }

  private primary(): Expr {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: Number(token.text), start: token.start };
      case 'string':
        return { kind: 'literal', value: token.text, start: token.start };
      case 'identifier':
        return isSymbol(this.peek(), '(')
          ? this.call(token)
          : { kind: 'attribute', name: token.text, start: token.start };
      default:
        return this.keywordOrGroup(token);
    }
  }

  private keywordOrGroup(token: Token): Expr {
    const start = token.start;
    if (isKeyword(token, 'TRUE')) return { kind: 'literal', value: true, start };
    if (isKeyword(token, 'FALSE')) return { kind: 'literal', value: false, start };
    if (isKeyword(token, 'NULL')) return { kind: 'literal', value: null, start };
    if (isSymbol(token, '(')) {
      const inner = this.expression();
      this.expectSymbol(')');
      return inner;
    }
    throw new IotSqlSyntaxError('expected an expression', start, describeToken(token));
  }

  private call(nameToken: Token): Expr {
    this.expectSymbol('(');
    const args: Expr[] = [];
    if (!this.acceptSymbol(')')) {
      do args.push(this.argument());
      while (this.acceptSymbol(','));
      this.expectSymbol(')');
    }
    const name = checkCall(nameToken.text, args, nameToken.start);
    return { kind: 'call', name, args, start: nameToken.start };
  }

  private argument(): Expr {
    const token = this.peek();
    if (this.acceptSymbol('*')) return { kind: 'payload', start: token.start };
    return this.expression();
  }
}

const binaryPrecedence = (token: Token): number | undefined =>
  token.kind === 'symbol' || token.kind === 'keyword' ? BINARY_PRECEDENCE[token.text] : undefined;

/** Like AWS, an attribute path without an alias is keyed by its last name: `a.b.c` gives `c`. */
const implicitKey = (expr: Expr): string | undefined => {
  if (expr.kind === 'attribute') return expr.name;
  if (expr.kind === 'member') return expr.name;
  return undefined;
};
