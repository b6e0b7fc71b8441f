import { useQuery } from '@apollo/client/react'
import { DropdownMenu } from 'radix-ui'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { primaryEmail, useSession } from '@/features/auth'
import { WorkspacesQuery } from '@/features/workspaces'
import { readTheme, saveTheme, type ThemeChoice } from '@/lib/theme'
import { accountTriggerClasses, AccountTriggerText, workspaceTriggerClasses, WorkspaceTriggerText } from './triggers'

// The header's menus, loaded just after the shell's first paint (see AppShell).

const menuContent = 'z-50 min-w-56 rounded-md border border-border bg-surface-raised p-1 text-sm text-text shadow-lg'
const menuItem = 'flex cursor-pointer select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-accent-soft'

function WorkspaceSwitcher({ defaultOpen }: { defaultOpen: boolean }) {
  const { workspaceId } = useParams()
  const navigate = useNavigate()
  // The placeholder this replaces, and the breadcrumbs, asked for the list a moment
  // ago (and mutations keep it current): a second request would only load the server.
  const { data } = useQuery(WorkspacesQuery, { fetchPolicy: 'cache-first' })
  const current = data?.workspaces.find((w) => w.id === workspaceId)
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen} modal={false}>
      <DropdownMenu.Trigger className={workspaceTriggerClasses}>
        <WorkspaceTriggerText label={current?.label} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menuContent} align="start" sideOffset={4}>
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">Workspaces</DropdownMenu.Label>
          {(data?.workspaces ?? []).map((w) => (
            <DropdownMenu.Item key={w.id} className={menuItem} onSelect={() => void navigate(`/workspaces/${w.id}`)}>
              <span aria-hidden="true" className="w-3">
                {w.id === workspaceId ? '✓' : ''}
              </span>
              <span className="truncate">{w.label}</span>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={menuItem} onSelect={() => void navigate('/workspaces')}>
            All workspaces
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

function AccountMenu({ defaultOpen }: { defaultOpen: boolean }) {
  const { user, signOut } = useSession()
  const navigate = useNavigate()
  const [theme, setTheme] = useState<ThemeChoice>(readTheme)
  const email = primaryEmail(user)
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen} modal={false}>
      <DropdownMenu.Trigger className={accountTriggerClasses}>
        <AccountTriggerText name={user.fullName ?? email} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menuContent} align="end" sideOffset={4}>
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block font-medium">{user.fullName ?? user.username}</span>
            <span className="block text-xs text-muted">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(v) => {
              const choice = v as ThemeChoice
              setTheme(choice)
              saveTheme(choice)
            }}
          >
            {(['system', 'light', 'dark'] as const).map((t) => (
              <DropdownMenu.RadioItem key={t} value={t} className={menuItem}>
                <span aria-hidden="true" className="w-3">
                  <DropdownMenu.ItemIndicator>●</DropdownMenu.ItemIndicator>
                </span>
                {t === 'system' ? 'Same as the system' : t === 'light' ? 'Light' : 'Dark'}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            className={menuItem}
            onSelect={() => {
              void signOut().then(() => navigate('/sign-in', { replace: true }))
            }}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/** Both header menus; `openAtOnce` opens the one whose stand-in was clicked while they loaded. */
export default function ShellMenus({ openAtOnce }: { openAtOnce: 'workspace' | 'account' | null }) {
  return (
    <>
      <WorkspaceSwitcher defaultOpen={openAtOnce === 'workspace'} />
      <div className="ml-auto">
        <AccountMenu defaultOpen={openAtOnce === 'account'} />
      </div>
    </>
  )
}
