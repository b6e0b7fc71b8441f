// The header menus' triggers, shared by the real menus and the stand-ins shown
// while the menus load, so that nothing moves when one replaces the other.

export const workspaceTriggerClasses =
  'flex max-w-[14rem] items-center gap-2 rounded-md border border-border-strong px-2.5 py-1.5 text-sm hover:bg-surface-sunken'

export const accountTriggerClasses = 'flex items-center gap-2 rounded-full border border-border-strong py-1 pl-1 pr-2.5 text-sm hover:bg-surface-sunken'

export function WorkspaceTriggerText({ label }: { label: string | undefined }) {
  return (
    <>
      <span className="truncate">
        <span className="sr-only">Switch workspace, current: </span>
        {label ?? 'Choose a workspace'}
      </span>
      <span aria-hidden="true">▾</span>
    </>
  )
}

export function AccountTriggerText({ name }: { name: string }) {
  return (
    <>
      <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-accent text-xs font-semibold text-on-accent">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="sr-only">Account menu</span>
      <span className="hidden max-w-[12rem] truncate sm:inline">
        <span className="sr-only">: </span>
        {name}
      </span>
    </>
  )
}
