/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, visit } from 'graphql'
import { defineConfig, type Plugin } from 'vite'

const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g

/** Every fragment defined in src/, by name (operations name the fragments they spread). */
function collectFragments(dir: string, into = new Map<string, FragmentDefinitionNode>()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'gql') collectFragments(path, into)
    } else if (/\.tsx?$/.test(entry.name)) {
      for (const match of readFileSync(path, 'utf8').matchAll(GRAPHQL_CALL)) {
        for (const def of parse(match[1] ?? '', { noLocation: true }).definitions) {
          if (def.kind === Kind.FRAGMENT_DEFINITION) into.set(def.name.value, def)
        }
      }
    }
  }
  return into
}

/**
 * Compiles every graphql(`query Name ...`) call to its document at build
 * time, in the module that uses it, with the fragments it spreads. The
 * client preset's runtime graphql() looks documents up in one map of every
 * operation, and even its per-operation exports share one module, which
 * would put every screen's operations in the entry. Types still come from
 * the generated code, which type-checks the same call.
 */
function graphqlDocuments(): Plugin {
  let fragments = new Map<string, FragmentDefinitionNode>()
  const srcDir = fileURLToPath(new URL('./src', import.meta.url))
  const withFragments = (document: DocumentNode): DocumentNode => {
    const needed = new Map<string, FragmentDefinitionNode>()
    const own = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])))
    const pending: DocumentNode['definitions'][number][] = [...document.definitions]
    while (pending.length > 0) {
      const node = pending.pop()
      if (!node) break
      visit(node, {
        FragmentSpread(spread) {
          const name = spread.name.value
          if (own.has(name) || needed.has(name)) return
          const def = fragments.get(name)
          if (!def) throw new Error(`Fragment ${name} is not defined in src/`)
          needed.set(name, def)
          pending.push(def)
        },
      })
    }
    return { ...document, definitions: [...document.definitions, ...needed.values()] }
  }
  return {
    name: 'graphql-documents',
    enforce: 'pre',
    buildStart() {
      fragments = collectFragments(srcDir)
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(')) return null
      let found = false
      const out = code.replace(GRAPHQL_CALL, (_whole, body: string) => {
        found = true
        const document = parse(body, { noLocation: true })
        for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
        return `(${JSON.stringify(withFragments(document))})`
      })
      if (!found) return null
      return { code: out.replace(/^import \{ graphql \} from '@\/gql'\n/m, ''), map: null }
    },
  }
}

export default defineConfig({
  plugins: [graphqlDocuments(), react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    globals: false,
    pool: 'threads',
    // Every core: Vitest's default leaves one for itself, which on a 2-core
    // machine ran the files one at a time (236 s here, against 172 s).
    maxWorkers: availableParallelism(),
    testTimeout: 15000,
    reporters: ['default', './e2e/support/vitest-summary-reporter.ts'],
    projects: [
      // The fake backend and pure modules run in Node; screens in jsdom.
      { extends: true, test: { name: 'node', environment: 'node', include: ['mocks/**/*.test.ts', 'src/lib/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/lib/**/*.test.ts'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
  },
})
