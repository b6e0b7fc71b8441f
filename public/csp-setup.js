// Runs before the console's modules: zod decides, when a schema is created,
// whether to compile parsers with `new Function`. The production
// Content-Security-Policy allows no eval, and even zod's probe for it is
// reported as a violation, so turn compilation off before any schema exists.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
