import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Screens load lazily and talk to a real (in-process) backend: on a busy CI
// machine a second is not always enough for them to settle.
configure({ asyncUtilTimeout: 10_000 })

afterEach(() => {
  cleanup()
  globalThis.localStorage?.clear()
})

// jsdom lacks these browser APIs that the console and its primitives use.
if (typeof window !== 'undefined') {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
    }),
  })
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver
  const proto = Element.prototype as unknown as Record<string, unknown>
  proto.scrollIntoView ??= () => undefined
  proto.hasPointerCapture ??= () => false
  proto.releasePointerCapture ??= () => undefined
}
