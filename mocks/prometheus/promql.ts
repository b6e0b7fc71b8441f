// A parser and evaluator for the small part of PromQL the console uses.
// Grammar (whitespace anywhere between tokens):
//
//   expr      = aggregate | call | selector
//   aggregate = ("sum" | "avg" | "max" | "min" | "count") [grouping] "(" expr ")" [grouping]
//   grouping  = ("by" | "without") "(" [label {"," label}] ")"
//   call      = ("rate" | "increase") "(" selector "[" duration "]" ")"
//   selector  = [metric] ["{" [matcher {"," matcher} [","]] "}"] ["[" duration "]"]
//   matcher   = label ("=" | "!=" | "=~" | "!~") string
//   duration  = {digits ("ms" | "s" | "m" | "h" | "d" | "w" | "y")}
//
// Errors read like Prometheus's (`1:6: parse error: ...`) so that the console
// shows what a real server would say.

export class PromQLError extends Error {}

export type MatchOp = '=' | '!=' | '=~' | '!~'

export interface Matcher {
  label: string
  op: MatchOp
  value: string
  /** Anchored, for =~ and !~. */
  regex?: RegExp
}

export interface SelectorExpr {
  kind: 'selector'
  matchers: Matcher[]
  /** Range in seconds, for `x[5m]`. */
  range: number | null
}

export type Aggregator = 'sum' | 'avg' | 'max' | 'min' | 'count'
export type RangeFunction = 'rate' | 'increase'

export interface CallExpr {
  kind: 'call'
  fn: RangeFunction
  arg: SelectorExpr & { range: number }
}

export interface AggregateExpr {
  kind: 'aggregate'
  op: Aggregator
  grouping: { mode: 'by' | 'without'; labels: string[] } | null
  arg: Expr
}

export type Expr = SelectorExpr | CallExpr | AggregateExpr

const AGGREGATORS = new Set<string>(['sum', 'avg', 'max', 'min', 'count'])
const FUNCTIONS = new Set<string>(['rate', 'increase'])
/** PromQL's other functions and aggregators: valid for a real Prometheus, refused here with a clear reason. */
const UNSUPPORTED = new Set<string>([
  'abs', 'absent', 'absent_over_time', 'avg_over_time', 'ceil', 'changes', 'clamp', 'clamp_max', 'clamp_min', 'count_over_time',
  'day_of_month', 'day_of_week', 'delta', 'deriv', 'exp', 'floor', 'histogram_quantile', 'holt_winters', 'hour', 'idelta',
  'irate', 'label_join', 'label_replace', 'last_over_time', 'ln', 'log2', 'log10', 'max_over_time', 'min_over_time', 'minute',
  'month', 'predict_linear', 'quantile_over_time', 'resets', 'round', 'scalar', 'sort', 'sort_desc', 'sqrt', 'stddev_over_time',
  'stdvar_over_time', 'sum_over_time', 'time', 'timestamp', 'vector', 'year', 'topk', 'bottomk', 'quantile', 'stddev', 'stdvar',
  'count_values', 'group',
])

type TokenKind = 'ident' | 'string' | 'duration' | 'number' | 'punct' | 'eof'

interface Token {
  kind: TokenKind
  value: string
  pos: number
}

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 }

/** Seconds in a Prometheus duration (`5m`, `1h30m`), or null. */
export function parseDuration(text: string): number | null {
  const re = /(\d+)(ms|s|m|h|d|w|y)/y
  let total = 0
  let at = 0
  while (at < text.length) {
    re.lastIndex = at
    const m = re.exec(text)
    if (!m) return null
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? ''] ?? 0)
    at = re.lastIndex
  }
  return at > 0 ? total : null
}

function position(input: string, pos: number): string {
  const before = input.slice(0, pos)
  const line = before.split('\n').length
  const col = pos - before.lastIndexOf('\n')
  return `${line}:${col}`
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const fail = (at: number, message: string): never => {
    throw new PromQLError(`${position(input, at)}: parse error: ${message}`)
  }
  while (i < input.length) {
    const ch = input[i] ?? ''
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (/[A-Za-z_:]/.test(ch)) {
      const m = /[A-Za-z_:][A-Za-z0-9_:]*/y
      m.lastIndex = i
      const value = m.exec(input)?.[0] ?? ch
      tokens.push({ kind: 'ident', value, pos: i })
      i += value.length
      continue
    }
    if (/[0-9]/.test(ch)) {
      const m = /[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h|d|w|y|[0-9])*/y
      m.lastIndex = i
      const value = m.exec(input)?.[0] ?? ch
      tokens.push({ kind: parseDuration(value) === null ? 'number' : 'duration', value, pos: i })
      i += value.length
      continue
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1
      let value = ''
      while (j < input.length && input[j] !== ch) {
        const c = input[j] ?? ''
        if (c === '\\' && ch !== '`') {
          const next = input[j + 1]
          if (next === undefined) break
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next
          j += 2
          continue
        }
        if (c === '\n' && ch !== '`') fail(j, 'unterminated quoted string')
        value += c
        j++
      }
      if (j >= input.length) fail(i, 'unterminated quoted string')
      tokens.push({ kind: 'string', value, pos: i })
      i = j + 1
      continue
    }
    const two = input.slice(i, i + 2)
    if (two === '!=' || two === '=~' || two === '!~') {
      tokens.push({ kind: 'punct', value: two, pos: i })
      i += 2
      continue
    }
    if ('{}()[],='.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch, pos: i })
      i++
      continue
    }
    if ('+-*/%^<>!'.includes(ch)) fail(i, `binary operators are not supported by this fake Prometheus ("${ch}")`)
    fail(i, `unexpected character: '${ch}'`)
  }
  tokens.push({ kind: 'eof', value: '', pos: input.length })
  return tokens
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input'
    case 'string':
      return `string "${t.value}"`
    case 'duration':
      return `duration "${t.value}"`
    case 'number':
      return `number "${t.value}"`
    case 'ident':
      return `identifier "${t.value}"`
    case 'punct':
      return `"${t.value}"`
  }
}

class Parser {
  private i = 0
  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] ?? { kind: 'eof', value: '', pos: this.input.length }
  }

  private next(): Token {
    const t = this.peek()
    this.i++
    return t
  }

  private fail(t: Token, message: string): never {
    throw new PromQLError(`${position(this.input, t.pos)}: parse error: ${message}`)
  }

  private expect(value: string, context: string): Token {
    const t = this.next()
    if (t.kind !== 'punct' || t.value !== value) this.fail(t, `unexpected ${describe(t)} in ${context}, expected "${value}"`)
    return t
  }

  private isPunct(value: string, offset = 0): boolean {
    const t = this.peek(offset)
    return t.kind === 'punct' && t.value === value
  }

  parse(): Expr {
    if (this.peek().kind === 'eof') this.fail(this.peek(), 'no expression found in input')
    const expr = this.expr()
    const rest = this.peek()
    if (rest.kind !== 'eof') {
      if (rest.kind === 'ident' && rest.value === 'offset') this.fail(rest, 'the offset modifier is not supported by this fake Prometheus')
      this.fail(rest, `unexpected ${describe(rest)}`)
    }
    return expr
  }

  private expr(): Expr {
    const t = this.peek()
    if (t.kind === 'ident') {
      const after = this.peek(1)
      const opensCall = after.kind === 'punct' && after.value === '('
      if (AGGREGATORS.has(t.value) && (opensCall || (after.kind === 'ident' && (after.value === 'by' || after.value === 'without')))) return this.aggregate()
      if (opensCall) {
        if (FUNCTIONS.has(t.value)) return this.call()
        if (UNSUPPORTED.has(t.value)) this.fail(t, `function "${t.value}" is not supported by this fake Prometheus (supported: rate, increase, sum, avg, max, min, count)`)
        this.fail(t, `unknown function with name "${t.value}"`)
      }
      return this.selector()
    }
    if (t.kind === 'punct' && t.value === '{') return this.selector()
    if (t.kind === 'punct' && t.value === '(') this.fail(t, 'parentheses around expressions are not supported by this fake Prometheus')
    if (t.kind === 'number') this.fail(t, 'number literals are not supported by this fake Prometheus')
    return this.fail(t, `unexpected ${describe(t)}`)
  }

  private grouping(): AggregateExpr['grouping'] {
    const t = this.peek()
    if (t.kind !== 'ident' || (t.value !== 'by' && t.value !== 'without')) return null
    this.next()
    this.expect('(', 'grouping opts')
    const labels: string[] = []
    while (!this.isPunct(')')) {
      const label = this.next()
      if (label.kind !== 'ident') this.fail(label, `unexpected ${describe(label)} in grouping opts, expected label`)
      labels.push(label.value)
      if (this.isPunct(',')) this.next()
      else if (!this.isPunct(')')) this.fail(this.peek(), `unexpected ${describe(this.peek())} in grouping opts, expected "," or ")"`)
    }
    this.next()
    return { mode: t.value, labels }
  }

  private aggregate(): AggregateExpr {
    const opToken = this.next()
    let grouping = this.grouping()
    this.expect('(', 'aggregation')
    const argStart = this.peek()
    const arg = this.expr()
    this.expect(')', 'aggregation')
    const trailing = this.grouping()
    if (trailing) {
      if (grouping) this.fail(this.peek(), 'aggregation cannot have two groupings')
      grouping = trailing
    }
    if (arg.kind === 'selector' && arg.range !== null) this.fail(argStart, 'expected type instant vector in aggregation expression, got range vector')
    return { kind: 'aggregate', op: opToken.value as Aggregator, grouping, arg }
  }

  private call(): CallExpr {
    const fnToken = this.next()
    this.expect('(', 'function call')
    const argStart = this.peek()
    const arg = this.expr()
    this.expect(')', 'function call')
    if (arg.kind !== 'selector' || arg.range === null) {
      this.fail(argStart, `expected type range vector in call to function "${fnToken.value}", got instant vector`)
    }
    return { kind: 'call', fn: fnToken.value as RangeFunction, arg: { ...arg, range: arg.range } }
  }

  private selector(): SelectorExpr {
    const start = this.peek()
    const matchers: Matcher[] = []
    if (start.kind === 'ident') {
      this.next()
      matchers.push({ label: '__name__', op: '=', value: start.value })
    }
    if (this.isPunct('{')) {
      this.next()
      while (!this.isPunct('}')) {
        const label = this.next()
        if (label.kind !== 'ident') this.fail(label, `unexpected ${describe(label)} in label matching, expected label`)
        const op = this.next()
        if (op.kind !== 'punct' || !['=', '!=', '=~', '!~'].includes(op.value)) {
          this.fail(op, `unexpected ${describe(op)} in label matching, expected label matching operator`)
        }
        const value = this.next()
        if (value.kind !== 'string') this.fail(value, `unexpected ${describe(value)} in label matching, expected string`)
        const matcher: Matcher = { label: label.value, op: op.value as MatchOp, value: value.value }
        if (matcher.op === '=~' || matcher.op === '!~') {
          try {
            matcher.regex = new RegExp(`^(?:${value.value})$`, 's')
          } catch (e) {
            this.fail(value, `error parsing regexp: ${e instanceof Error ? e.message : String(e)}`)
          }
        }
        if (label.value === '__name__' && matchers.some((m) => m.label === '__name__')) this.fail(label, 'metric name must not be set twice')
        matchers.push(matcher)
        if (this.isPunct(',')) this.next()
        else if (!this.isPunct('}')) this.fail(this.peek(), `unexpected ${describe(this.peek())} in label matching, expected "," or "}"`)
      }
      this.next()
    }
    if (matchers.length === 0) this.fail(start, `unexpected ${describe(start)}`)
    if (!matchers.some((m) => !matches(m, ''))) this.fail(start, 'vector selector must contain at least one non-empty matcher')
    let range: number | null = null
    if (this.isPunct('[')) {
      this.next()
      const d = this.next()
      if (d.kind !== 'duration') this.fail(d, `unexpected ${describe(d)} in subquery or range selector, expected duration`)
      range = parseDuration(d.value)
      if (!range) this.fail(d, 'range must be positive')
      if (this.peek().kind === 'ident' && this.peek().value.startsWith(':')) this.fail(this.peek(), 'subqueries are not supported by this fake Prometheus')
      this.expect(']', 'range selector')
    }
    return { kind: 'selector', matchers, range }
  }
}

export function parse(query: string): Expr {
  return new Parser(query, tokenize(query)).parse()
}

export function matches(m: Matcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value
    case '!=':
      return value !== m.value
    case '=~':
      return m.regex?.test(value) ?? false
    case '!~':
      return !(m.regex?.test(value) ?? false)
  }
}

/** The selectors an expression reads. */
export function selectorsOf(expr: Expr): SelectorExpr[] {
  switch (expr.kind) {
    case 'selector':
      return [expr]
    case 'call':
      return [expr.arg]
    case 'aggregate':
      return selectorsOf(expr.arg)
  }
}
