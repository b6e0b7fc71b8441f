import { describe, expect, it } from 'vitest'
import { isSocketInterrupted, socketClosed, socketConnected, subscribeSocketStatus } from './socket-status'

describe('socket status', () => {
  it('is interrupted from an abnormal close until the socket connects again, and tells its listeners', () => {
    const seen: boolean[] = []
    const stop = subscribeSocketStatus(() => seen.push(isSocketInterrupted()))
    socketClosed({ code: 1006 })
    expect(isSocketInterrupted()).toBe(true)
    socketConnected()
    expect(isSocketInterrupted()).toBe(false)
    socketClosed(new Error('socket error'))
    expect(isSocketInterrupted()).toBe(true)
    socketConnected()
    stop()
    expect(seen).toEqual([true, false, true, false])
  })

  it('takes the console closing an idle socket (code 1000) for no interruption', () => {
    socketClosed({ code: 1000 })
    expect(isSocketInterrupted()).toBe(false)
  })
})
