import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQuery } from '@apollo/client/react'
import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { CONSOLE_NAME, useHeadingAsTitle } from '@/components/ui/page-title'
import { InlineAlert } from '@/components/ui/states'
import { isEmailAddress } from '@/lib/email'
import { firstProblem } from '@/lib/graphql-errors'
import { navigableUrl } from '@/lib/navigable-url'
import { safeReturnTo } from '@/lib/return-to'
import { useRuntimeConfig } from '@/lib/runtime-config-context'
import { readSession, writeSession } from '@/lib/session-store'
import { AuthConfigQuery, CreateTokenMutation } from './operations'

const schema = z.object({
  // The platform's rule, so that an account with an internationalised address can sign in.
  email: z.string().trim().min(1, 'Enter your email.').refine(isEmailAddress, 'Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.'),
})
type Values = z.infer<typeof schema>

interface DemoAccount {
  email: string
  password: string
  role: string
  description: string
}

function useDemoAccounts(enabled: boolean): DemoAccount[] {
  const [accounts, setAccounts] = useState<DemoAccount[]>([])
  useEffect(() => {
    if (!enabled) return
    let live = true
    void import('../../../mocks/houston/seed-accounts').then((m) => {
      if (live) setAccounts([...m.SEEDED_ACCOUNTS])
    })
    return () => {
      live = false
    }
  }, [enabled])
  return accounts
}

export function SignInPage() {
  const config = useRuntimeConfig()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const returnTo = safeReturnTo(params.get('returnTo'))
  const expired = params.get('reason') === 'expired'
  const authConfig = useQuery(AuthConfigQuery, { variables: { redirect: returnTo }, fetchPolicy: 'cache-first' })
  const [createToken, { loading, error }] = useMutation(CreateTokenMutation)
  const demoAccounts = useDemoAccounts(config.demo)
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } })
  const heading = useRef<HTMLHeadingElement>(null)
  useHeadingAsTitle(heading)

  if (readSession()) return <Navigate to={returnTo} replace />

  const signIn = async ({ email, password }: Values) => {
    const result = await createToken({ variables: { identity: email.trim(), password } }).catch(() => null)
    const token = result?.data?.createToken.token
    if (!token) return
    writeSession({ token: token.value, expiresAt: token.payload.exp })
    await navigate(returnTo, { replace: true })
  }

  const problem = error ? firstProblem(error) : null
  // Only a provider whose address can only navigate becomes a link (never a javascript: URL).
  const providers = (authConfig.data?.authConfig.providers ?? []).flatMap((p) => {
    const url = navigableUrl(p.url)
    return url ? [{ ...p, url }] : []
  })
  const localEnabled = authConfig.data?.authConfig.localEnabled ?? true

  return (
    // Top-aligned, not centred: what loads below (sign-in options, demo accounts) never moves the form.
    <main id="main" className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
        <p className="text-sm font-medium text-accent">{CONSOLE_NAME}</p>
        <h1 ref={heading} tabIndex={-1} data-page-heading className="mt-1 text-2xl font-semibold outline-none">
          Sign in
        </h1>
        {expired ? (
          <div className="mt-4">
            <InlineAlert tone="warning">Your session expired. Sign in again to continue where you were.</InlineAlert>
          </div>
        ) : null}
        {localEnabled ? (
          <form className="mt-6 space-y-4" noValidate onSubmit={form.handleSubmit(signIn)}>
            <TextField label="Email" type="email" autoComplete="username" error={form.formState.errors.email?.message} {...form.register('email')} />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              error={form.formState.errors.password?.message}
              {...form.register('password')}
            />
            {problem ? <InlineAlert tone="danger">{problem.message}</InlineAlert> : null}
            <Button type="submit" variant="primary" className="w-full" busy={loading || form.formState.isSubmitting}>
              Sign in
            </Button>
          </form>
        ) : null}
        {providers.length > 0 ? (
          <section aria-labelledby="providers-heading" className="mt-6">
            <h2 id="providers-heading" className="text-sm font-medium text-muted">
              Or continue with
            </h2>
            <ul className="mt-2 space-y-2">
              {providers.map((p) => (
                <li key={p.name}>
                  {config.demo ? (
                    <Button className="w-full" disabled aria-describedby="provider-demo-note">
                      {p.displayName}
                    </Button>
                  ) : (
                    <a className="block rounded-md border border-border-strong px-3 py-2 text-center text-sm font-medium hover:bg-surface-sunken" href={p.url}>
                      {p.displayName}
                    </a>
                  )}
                </li>
              ))}
            </ul>
            {config.demo ? (
              <p id="provider-demo-note" className="mt-2 text-xs text-muted">
                Identity providers are not configured in demo mode.
              </p>
            ) : null}
          </section>
        ) : null}
        {authConfig.error ? (
          <p className="mt-4 text-sm text-muted">Sign-in options could not be loaded: {firstProblem(authConfig.error).message}</p>
        ) : null}
      </div>
      {/* Once the sign-in options are in: they sit above, and would push the list down. */}
      {config.demo && demoAccounts.length > 0 && !authConfig.loading ? (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-xl border border-border bg-surface p-6">
          <h2 id="demo-heading" className="font-semibold">
            Demo accounts
          </h2>
          <p className="mt-1 text-sm text-muted">This console runs on its built-in demo backend. Every account's password is “demo”.</p>
          <ul className="mt-3 space-y-2">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  className="flex w-full items-center justify-between gap-3 rounded-md border border-border-strong px-3 py-2 text-left text-sm hover:bg-surface-sunken disabled:opacity-55"
                  disabled={loading}
                  onClick={() => void signIn({ email: a.email, password: a.password })}
                >
                  <span className="min-w-0 truncate font-medium">
                    <span className="sr-only">Sign in as </span>
                    {a.email}
                  </span>
                  <span className="shrink-0 text-xs text-muted">{a.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  )
}
