/** Walks the token list for the parser: look ahead one token, consume, or fail with a position. */
import { IotSqlSyntaxError } from './errors.ts';
import { describeToken, type Token } from './lexer.ts';

export const isKeyword = (token: Token, keyword: string): boolean =>
  token.kind === 'keyword' && token.text === keyword;

export const isSymbol = (token: Token, symbol: string): boolean =>
  token.kind === 'symbol' && token.text === symbol;

export class TokenCursor {
  private readonly tokens: readonly Token[];
  private index = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  protected peek(): Token {
    // tokenize() always ends with an eof token, and the index never moves past it.
    return this.tokens[this.index] ?? (this.tokens.at(-1) as Token);
  }

  protected advance(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  protected acceptKeyword(keyword: string): boolean {
    if (!isKeyword(this.peek(), keyword)) return false;
    this.advance();
    return true;
  }

  protected acceptSymbol(symbol: string): boolean {
    if (!isSymbol(this.peek(), symbol)) return false;
    this.advance();
    return true;
  }

  protected expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) throw this.unexpected(`expected ${keyword}`);
  }

  protected expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.unexpected(`expected '${symbol}'`);
  }

  protected expect(kind: Token['kind'], problem: string): Token {
    if (this.peek().kind !== kind) throw this.unexpected(problem);
    return this.advance();
  }

  protected unexpected(problem: string): IotSqlSyntaxError {
    const token = this.peek();
    return new IotSqlSyntaxError(problem, token.start, describeToken(token));
  }
}
