// Prints the JavaScript that index.html loads eagerly (raw and gzip) and what
// each route adds, from the Vite manifest of a production build; exits 1 when
// the eager JavaScript passes the budget.
//   npx tsx e2e/bench/bundle-report.ts [dist] [--budget-kib 150]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface Chunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

const args = process.argv.slice(2)
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist'
const budgetIndex = args.indexOf('--budget-kib')
const budgetKib = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>
const sizes = new Map<string, { raw: number; gzip: number }>()
const sizeOf = (key: string) => {
  let size = sizes.get(key)
  if (!size) {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the manifest`)
    const bytes = readFileSync(join(dist, chunk.file))
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    sizes.set(key, size)
  }
  return size
}

/** A chunk and everything it imports statically (what loads before it runs). */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into
  into.add(key)
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into)
  return into
}

const sum = (keys: Iterable<string>) => {
  let raw = 0
  let gzip = 0
  for (const key of keys) {
    const s = sizeOf(key)
    raw += s.raw
    gzip += s.gzip
  }
  return { raw, gzip }
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
if (!entryKey) throw new Error('No entry in the manifest: was this a production build with build.manifest on?')
const eager = closure(entryKey)
const eagerSize = sum(eager)

console.log(`Eager JavaScript (index.html): ${kib(eagerSize.raw)} raw, ${kib(eagerSize.gzip)} gzip in ${eager.size} files`)
for (const key of [...eager].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip)) {
  console.log(`  ${kib(sizeOf(key).gzip).padStart(10)} gzip  ${manifest[key]?.file ?? key}`)
}

console.log('\nEach lazy chunk, with what it adds beyond the eager set:')
const lazy = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry)
const rows = lazy.map((key) => {
  const extra = [...closure(key)].filter((k) => !eager.has(k))
  const size = sum(extra)
  return { name: manifest[key]?.src ?? key, ...size }
})
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${kib(row.gzip).padStart(10)} gzip  ${kib(row.raw).padStart(10)} raw  ${row.name}`)
}

const budget = budgetKib * 1024
if (eagerSize.gzip > budget) {
  console.log(`\nOVER BUDGET: eager JavaScript is ${kib(eagerSize.gzip)} gzip, the budget is ${budgetKib} KiB.`)
  process.exit(1)
}
console.log(`\nWithin budget: ${kib(eagerSize.gzip)} of ${budgetKib} KiB gzip.`)
