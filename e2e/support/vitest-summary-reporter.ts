import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node'

// Ends the unit run with one plain line, `unit: N passed, N failed[, N skipped]`,
// that .ci/run adds to the e2e line. Vitest's own summary is not in that form.
// A test file that fails before its tests run (an import error) and an
// unhandled error each count as a failure.
export default class VitestSummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const testModule of testModules) {
      let failedHere = 0
      for (const test of testModule.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed += 1
        else if (state === 'failed') failedHere += 1
        else skipped += 1
      }
      if (failedHere === 0 && testModule.state() === 'failed') failedHere = 1
      failed += failedHere
    }
    if (reason !== 'passed' && failed === 0) failed = 1
    const tail = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stdout.write(`unit: ${passed} passed, ${failed} failed${tail}\n`)
  }
}
