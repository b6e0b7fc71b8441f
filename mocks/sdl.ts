// schema.graphql's text for the Node side of the fake backend (the browser
// imports it with Vite's `?raw`).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let sdl: string | null = null

/** Read once. A path, not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL. */
export function readSdl(): string {
  sdl ??= readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'schema.graphql'), 'utf8')
  return sdl
}
