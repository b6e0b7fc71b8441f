import type { MatcherFunction } from '@testing-library/react'

const normalized = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()

/**
 * A text matcher for a sentence that holds names each in a `<bdi>` of its own (see isolated``): `getByText`
 * matches an element's own text nodes only, and so no longer finds "Team Ops removed" once "Ops" is in a
 * bdi. This one matches the innermost element whose whole text is `text` (or matches it, for a RegExp), as
 * getByText('…') matched before, with the same whitespace normalised.
 */
export function sentence(text: string | RegExp): MatcherFunction {
  const matches = (element: Element) => (typeof text === 'string' ? normalized(element) === text : text.test(normalized(element)))
  return (_content, element) => element !== null && matches(element) && ![...element.children].some(matches)
}

/** The names an element shows isolated: each `<bdi>`'s text, in order. */
export const isolatedNames = (element: Element): (string | null)[] => [...element.querySelectorAll('bdi')].map((b) => b.textContent)

/** The element's text outside every `<bdi>`: the console's own words around the names. */
export function wordsOutside(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  let out = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('bdi')) out += node.textContent ?? ''
  }
  return out
}
