import { Fragment, type ReactElement } from 'react'

/**
 * A sentence of the console's own words around names that come from the server (labels, user names,
 * emails), each name isolated in a `<bdi>`. A name in Arabic or Hebrew, or one carrying a right-to-left
 * override it never closes, then reads on its own and cannot reorder the words beside it: without
 * isolation, "Invoice \u202Efdp.exe: logs" shows its own ": logs" backwards, and a Hebrew name pulls
 * the number after it to its left. The text content stays the same string a template literal makes.
 *
 *   title={isolated`${deployment.label}: logs`}
 */
export function isolated(strings: TemplateStringsArray, ...names: readonly (string | number)[]): ReactElement {
  return (
    <>
      {strings.map((text, i) => (
        <Fragment key={i}>
          {text}
          {i < names.length ? <bdi>{names[i]}</bdi> : null}
        </Fragment>
      ))}
    </>
  )
}

/** Names joined as `names.join(separator)` would, each in a `<bdi>` of its own: "Ops, שלום, Data". */
export function isolatedList(names: readonly (string | number)[], separator = ', '): ReactElement {
  return (
    <>
      {names.map((name, i) => (
        <Fragment key={i}>
          {i > 0 ? separator : null}
          <bdi>{name}</bdi>
        </Fragment>
      ))}
    </>
  )
}

/** A tagged template for a sentence around names: `plain` or `isolated`. */
export type Wording<T> = (strings: TemplateStringsArray, ...names: readonly (string | number)[]) => T

/**
 * The string a template literal makes: for a sentence written once, by a function that takes its wording
 * (`plain` where a string is needed, `isolated` where it is shown).
 */
export const plain: Wording<string> = (strings, ...names) => strings.reduce((out, text, i) => out + text + (i < names.length ? String(names[i]) : ''), '')
