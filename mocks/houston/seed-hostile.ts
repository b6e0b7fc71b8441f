// 'hostile': the demo seed with the hostile corpus (mocks/hostile.ts) in every
// text field the fake Houston serves, within the lengths its own validation
// accepts (a label is at most 100 characters, so a label gets the first 100 of
// the 10,000-character string; fields without a limit get all of it). The
// seeded accounts sign in as usual. e2e/hostile.spec.ts walks every screen.
import { HOSTILE, HOSTILE_EMAILS, hostileWithin } from '../hostile'
import { iso } from './lifecycle'
import { hashHex, stableId } from './random'
import type { DeploymentRecord, EnvVarRecord, HoustonState } from './state'
import { DESCRIPTION_MAX, LABEL_MAX } from './validate'

const label = (value: string) => hostileWithin(value, LABEL_MAX)
const description = (value: string) => hostileWithin(value, DESCRIPTION_MAX)

const workspaceId = (key: string) => stableId(`workspace:${key}`)
const deploymentId = (key: string) => stableId(`deployment:${key}`)
const userId = (key: string) => stableId(`user:${key}`)

/** A 255-character key: the longest the env var rules accept. */
export const HOSTILE_ENV_KEY = `HOSTILE_LONG_KEY_${'K'.repeat(255 - 'HOSTILE_LONG_KEY_'.length)}`

/** Which entity got which string: for tests, and for people exploring `?seed=hostile`. */
export const HOSTILE_SEED = {
  workspaces: {
    [workspaceId('data-platform')]: { label: HOSTILE.imgOnerror, description: description(`${HOSTILE.svgBreakout} ${HOSTILE.words}`) },
    [workspaceId('marketing')]: { label: label(HOSTILE.unbroken), description: description(HOSTILE.unbroken) },
    [workspaceId('ml-research')]: { label: HOSTILE.rtl, description: `${HOSTILE.template}\n${HOSTILE.whitespace}` },
    [workspaceId('sandbox')]: { label: `${HOSTILE.emoji} ${HOSTILE.zeroWidth}`, description: HOSTILE.combining },
  },
  deployments: {
    [deploymentId('customer-etl')]: { label: HOSTILE.script, description: HOSTILE.svgBreakout },
    [deploymentId('finance-reporting')]: { label: label(HOSTILE.unbroken), description: description(HOSTILE.unbroken) },
    [deploymentId('event-ingestion')]: { label: HOSTILE.rtl, description: HOSTILE.whitespace },
    [deploymentId('data-quality')]: { label: HOSTILE.emoji, description: HOSTILE.template },
    [deploymentId('warehouse-sync')]: { label: HOSTILE.zeroWidth, description: HOSTILE.combining },
    [deploymentId('legacy-reports')]: { label: HOSTILE.javascriptUrl, description: HOSTILE.words },
  },
  /** Full names have no length limit: one gets all 10,000 characters. */
  fullNames: {
    [userId('admin')]: HOSTILE.svgBreakout,
    [userId('priya.shah')]: HOSTILE.script,
    [userId('marcus.johnson')]: HOSTILE.unbroken,
    [userId('liam.oconnor')]: HOSTILE.rtl,
    [userId('hannah.mueller')]: HOSTILE.emoji,
    [userId('george.adams')]: HOSTILE.zeroWidth,
    [userId('yuki.tanaka')]: HOSTILE.combining,
    [userId('carlos.mendez')]: HOSTILE.template,
    [userId('fatima.alrashid')]: HOSTILE.javascriptUrl,
    [userId('nina.hoffmann')]: HOSTILE.whitespace,
    [userId('olga.petrova')]: HOSTILE.words,
    [userId('ben.carter')]: HOSTILE.imgOnerror,
  },
  /** Data Platform viewers known only by a hostile email (no full name). */
  emailUsers: [HOSTILE_EMAILS.script, HOSTILE_EMAILS.imgOnerror, HOSTILE_EMAILS.long],
  /** Pending invites to Data Platform. */
  invites: [HOSTILE_EMAILS.svgBreakout, HOSTILE_EMAILS.rtl],
  teams: {
    [stableId('team:data-engineering')]: { name: HOSTILE.imgOnerror, description: HOSTILE.words },
    [stableId('team:ml-platform')]: { name: `${HOSTILE.rtl} ${HOSTILE.emoji}`, description: HOSTILE.whitespace },
    [stableId('team:finance-analysts')]: { name: label(HOSTILE.unbroken), description: description(HOSTILE.unbroken) },
  },
  serviceAccounts: {
    [stableId('service-account:dp-cicd')]: { label: HOSTILE.script, category: HOSTILE.rtl },
    [stableId('service-account:dp-audit')]: { label: label(HOSTILE.unbroken), category: HOSTILE.emoji },
    [stableId('service-account:etl-deploy')]: { label: HOSTILE.javascriptUrl, category: HOSTILE.template },
  },
  /** Customer ETL (Data Platform): every corpus string as a variable's value, a 255-character key, hostile alert emails. */
  envVars: [
    ...Object.entries(HOSTILE).map(([name, value]): EnvVarRecord => ({ key: `HOSTILE_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, value, isSecret: false })),
    { key: HOSTILE_ENV_KEY, value: HOSTILE.imgOnerror, isSecret: false },
  ],
  alertEmails: [HOSTILE_EMAILS.script, HOSTILE_EMAILS.svgBreakout, HOSTILE_EMAILS.long, HOSTILE_EMAILS.rtl],
  /** Customer ETL's newest deploys, newest first: their notes and who deployed them. */
  deploys: [
    { description: HOSTILE.imgOnerror, author: HOSTILE.svgBreakout },
    { description: description(HOSTILE.unbroken), author: HOSTILE.rtl },
    { description: HOSTILE.whitespace, author: HOSTILE.emoji },
    { description: HOSTILE.template, author: HOSTILE.script },
  ],
  /** Legacy Reports' Airflow UI link, as a hostile Houston could send it: the console must not make it a link. */
  airflowUrl: { deploymentId: deploymentId('legacy-reports'), url: HOSTILE.javascriptUrl },
} as const

/** One log record in this many carries a corpus string (after its own message). */
export const HOSTILE_LOG_EVERY = 4

/** Log text to append to record `id` under the hostile seed, or null: a corpus string for one record in HOSTILE_LOG_EVERY. */
export function hostileLogSuffix(id: string): string | null {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0
  if (h % HOSTILE_LOG_EVERY !== 0) return null
  const strings = Object.values(HOSTILE)
  return strings[Math.floor(h / HOSTILE_LOG_EVERY) % strings.length] ?? null
}

function required<T>(record: T | undefined, what: string): T {
  if (!record) throw new Error(`The hostile seed needs ${what} from the demo seed`)
  return record
}

/** Rewrites the demo seed's text fields (in place) with the corpus. */
export function makeHostile(state: HoustonState, nowMs: number): void {
  for (const [id, text] of Object.entries(HOSTILE_SEED.workspaces)) Object.assign(required(state.workspaces[id], `workspace ${id}`), text)
  for (const [id, text] of Object.entries(HOSTILE_SEED.deployments)) Object.assign(required(state.deployments[id], `deployment ${id}`), text)
  for (const [id, fullName] of Object.entries(HOSTILE_SEED.fullNames)) required(state.users[id], `user ${id}`).fullName = fullName
  for (const [id, text] of Object.entries(HOSTILE_SEED.teams)) Object.assign(required(state.teams[id], `team ${id}`), text)
  for (const [id, text] of Object.entries(HOSTILE_SEED.serviceAccounts)) Object.assign(required(state.serviceAccounts[id], `service account ${id}`), text)

  const etl: DeploymentRecord = required(state.deployments[deploymentId('customer-etl')], 'Customer ETL')
  etl.environmentVariables = [...etl.environmentVariables, ...HOSTILE_SEED.envVars.map((v) => ({ ...v }))]
  etl.properties = { ...etl.properties, alert_emails: [...HOSTILE_SEED.alertEmails] }
  HOSTILE_SEED.deploys.forEach((deploy, i) => {
    const revision = etl.revisions[etl.revisions.length - 1 - i]
    if (revision) Object.assign(revision, deploy)
  })

  const dataPlatform = workspaceId('data-platform')
  const created = iso(nowMs - 7 * 86_400_000)
  HOSTILE_SEED.emailUsers.forEach((email, i) => {
    const id = userId(`hostile-email-${i}`)
    const admin = required(state.users[userId('admin')], 'the admin')
    state.users[id] = {
      id,
      username: email.slice(0, email.indexOf('@')),
      email,
      emailVerified: true,
      fullName: null,
      status: 'active',
      passwordHash: admin.passwordHash,
      createdAt: created,
      updatedAt: created,
    }
    const bindingId = stableId(`binding:hostile-email-${i}`)
    state.roleBindings[bindingId] = { id: bindingId, role: 'WORKSPACE_VIEWER', userId: id, serviceAccountId: null, workspaceId: dataPlatform, deploymentId: null, createdAt: created }
  })
  for (const email of HOSTILE_SEED.invites) {
    const id = stableId(`invite:hostile:${email}`)
    state.invites[id] = { id, email, role: 'WORKSPACE_VIEWER', workspaceId: dataPlatform, token: hashHex(`invite-token:${id}`), createdAt: created, updatedAt: created }
  }
}
