import { chromiumProblem } from './environment'

// Fails the run with install instructions instead of Playwright's
// "Executable doesn't exist" from inside the first test.
export default function globalSetup(): void {
  const problem = chromiumProblem()
  if (problem) throw new Error(problem)
}
