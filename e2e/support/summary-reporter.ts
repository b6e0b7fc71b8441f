import type { FullResult, Reporter, Suite } from '@playwright/test/reporter'

// Ends the run with one plain line, `e2e: N passed, N failed[, N skipped]`,
// that .ci/run adds to the unit tests' line. Flaky tests count as passed; an
// error outside any test (global setup, a web server that would not start)
// counts as a failure so that the line never reads "0 failed" for a red run.
export default class SummaryReporter implements Reporter {
  private root: Suite | undefined
  private errorsOutsideTests = 0

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite
  }

  onError(): void {
    this.errorsOutsideTests += 1
  }

  onEnd(result: FullResult): void {
    const tests = this.root?.allTests() ?? []
    // `--list` reports every test without running any: nothing to sum.
    if (result.status === 'passed' && tests.every((test) => test.results.length === 0)) return
    let passed = 0
    let failed = this.errorsOutsideTests
    let skipped = 0
    for (const test of tests) {
      const outcome = test.outcome()
      if (outcome === 'expected' || outcome === 'flaky') passed += 1
      else if (outcome === 'unexpected') failed += 1
      else skipped += 1
    }
    // Interrupted or timed out as a whole with nothing else to blame.
    if (result.status !== 'passed' && failed === 0) failed = 1
    const tail = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed${tail}\n`)
  }

  printsToStdio(): boolean {
    return true
  }
}
