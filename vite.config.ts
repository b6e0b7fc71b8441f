/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'

/**
 * What the client preset's babel/swc plugin does, for Vite: every
 * graphql(`query Name ...`) call becomes an import of its generated
 * NameDocument, so a route ships only the operations it uses instead of
 * the map of every operation in the project.
 */
function graphqlDocuments(): Plugin {
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g
  return {
    name: 'graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(')) return null
      const imports: string[] = []
      const out = code.replace(call, (_whole, body: string) => {
        const match = /\b(query|mutation|subscription|fragment)\s+(\w+)/.exec(body)
        if (!match?.[2]) throw new Error(`${id}: every graphql() document needs a named operation`)
        const exported = match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`
        const local = `__gql_${exported}`
        imports.push(`import { ${exported} as ${local} } from '@/gql/graphql'`)
        return local
      })
      if (imports.length === 0) return null
      return { code: `${imports.join('\n')}\n${out.replace(/^import \{ graphql \} from '@\/gql'\n/m, '')}`, map: null }
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
