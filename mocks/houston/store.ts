// Read and write access to the state. Lookups that would otherwise scan every
// record (bindings of a user, deployments of a workspace) go through indexes
// rebuilt after each change, which keeps the 'large' seed (10,000 users,
// 1,000 deployments) fast.
import { settle } from './lifecycle'
import { Prng } from './random'
import type {
  DeploymentRecord,
  HoustonState,
  InviteRecord,
  RoleBindingRecord,
  ServiceAccountRecord,
  TeamRecord,
  TokenRecord,
  UserRecord,
  WorkspaceRecord,
} from './state'

interface Indexes {
  usersByEmail: Map<string, UserRecord>
  usersByUsername: Map<string, UserRecord>
  /** Every user, by lower-cased username as the users query lists them: sorting 10,000 per request took ~60 ms. */
  usersInOrder: UserRecord[]
  bindingsByUser: Map<string, RoleBindingRecord[]>
  bindingsByWorkspace: Map<string, RoleBindingRecord[]>
  bindingsByDeployment: Map<string, RoleBindingRecord[]>
  bindingByServiceAccount: Map<string, RoleBindingRecord>
  deploymentsByWorkspace: Map<string, DeploymentRecord[]>
  releaseNames: Set<string>
  invitesByWorkspace: Map<string, InviteRecord[]>
  serviceAccountsByEntity: Map<string, ServiceAccountRecord[]>
  teamsByUser: Map<string, TeamRecord[]>
  bindingsByTeam: Map<string, RoleBindingRecord[]>
}

/** Tables are plain objects so that the state stays JSON; this removes one row. */
function remove<T>(table: Record<string, T>, id: string): void {
  Reflect.deleteProperty(table, id)
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export class Store {
  private index: Indexes | null = null

  constructor(
    public state: HoustonState,
    readonly now: () => number,
  ) {}

  /** Call after any change to the records' relations (adds, removals, emails). */
  changed(): void {
    this.index = null
  }

  replace(state: HoustonState): void {
    this.state = state
    this.changed()
  }

  private get idx(): Indexes {
    if (this.index) return this.index
    const s = this.state
    const idx: Indexes = {
      usersByEmail: new Map(),
      usersByUsername: new Map(),
      usersInOrder: [],
      bindingsByUser: new Map(),
      bindingsByWorkspace: new Map(),
      bindingsByDeployment: new Map(),
      bindingByServiceAccount: new Map(),
      deploymentsByWorkspace: new Map(),
      releaseNames: new Set(),
      invitesByWorkspace: new Map(),
      serviceAccountsByEntity: new Map(),
      teamsByUser: new Map(),
      bindingsByTeam: new Map(),
    }
    for (const u of Object.values(s.users)) {
      idx.usersByEmail.set(u.email.toLowerCase(), u)
      idx.usersByUsername.set(u.username.toLowerCase(), u)
    }
    const collator = new Intl.Collator()
    idx.usersInOrder = Object.values(s.users)
      .map((u) => ({ key: u.username.toLowerCase(), u }))
      .sort((a, b) => collator.compare(a.key, b.key))
      .map(({ u }) => u)
    for (const b of Object.values(s.roleBindings)) {
      if (b.userId) push(idx.bindingsByUser, b.userId, b)
      if (b.serviceAccountId) idx.bindingByServiceAccount.set(b.serviceAccountId, b)
      if (b.teamId) push(idx.bindingsByTeam, b.teamId, b)
      if (b.deploymentId) push(idx.bindingsByDeployment, b.deploymentId, b)
      else if (b.workspaceId) push(idx.bindingsByWorkspace, b.workspaceId, b)
    }
    for (const d of Object.values(s.deployments)) {
      push(idx.deploymentsByWorkspace, d.workspaceId, d)
      idx.releaseNames.add(d.releaseName)
    }
    for (const i of Object.values(s.invites)) push(idx.invitesByWorkspace, i.workspaceId, i)
    for (const a of Object.values(s.serviceAccounts)) push(idx.serviceAccountsByEntity, `${a.entityType}:${a.entityUuid}`, a)
    for (const t of Object.values(s.teams)) for (const userId of t.userIds) push(idx.teamsByUser, userId, t)
    this.index = idx
    return idx
  }

  // ids and names made after seeding come from the PRNG kept in the state,
  // so they continue the same sequence after a restore.
  newId(): string {
    const rng = new Prng(this.state.rng)
    const id = rng.uuid()
    this.state.rng = rng.state
    return id
  }

  withRng<T>(use: (rng: Prng) => T): T {
    const rng = new Prng(this.state.rng)
    const out = use(rng)
    this.state.rng = rng.state
    return out
  }

  // users
  user(id: string): UserRecord | undefined {
    return this.state.users[id]
  }
  userByEmail(email: string): UserRecord | undefined {
    return this.idx.usersByEmail.get(email.trim().toLowerCase())
  }
  userByUsername(username: string): UserRecord | undefined {
    return this.idx.usersByUsername.get(username.trim().toLowerCase())
  }
  users(): UserRecord[] {
    return Object.values(this.state.users)
  }

  /** Every user, ordered by username ignoring case. */
  usersByUsername(): readonly UserRecord[] {
    return this.idx.usersInOrder
  }

  // workspaces
  workspace(id: string): WorkspaceRecord | undefined {
    return this.state.workspaces[id]
  }
  workspaces(): WorkspaceRecord[] {
    return Object.values(this.state.workspaces)
  }

  // deployments, settled against the clock on every read
  deployment(id: string): DeploymentRecord | undefined {
    const d = this.state.deployments[id]
    if (d) settle(d, this.now())
    return d
  }
  deploymentsOf(workspaceId: string): DeploymentRecord[] {
    const list = this.idx.deploymentsByWorkspace.get(workspaceId) ?? []
    const now = this.now()
    for (const d of list) settle(d, now)
    return [...list]
  }
  deployments(): DeploymentRecord[] {
    const now = this.now()
    const list = Object.values(this.state.deployments)
    for (const d of list) settle(d, now)
    return list
  }
  releaseNameTaken(name: string): boolean {
    return this.idx.releaseNames.has(name)
  }

  // role bindings
  binding(id: string): RoleBindingRecord | undefined {
    return this.state.roleBindings[id]
  }
  bindingsOfUser(userId: string): readonly RoleBindingRecord[] {
    return this.idx.bindingsByUser.get(userId) ?? []
  }
  /** Workspace-scope bindings on a workspace (deployment bindings excluded). */
  bindingsOfWorkspace(workspaceId: string): readonly RoleBindingRecord[] {
    return this.idx.bindingsByWorkspace.get(workspaceId) ?? []
  }
  bindingsOfDeployment(deploymentId: string): readonly RoleBindingRecord[] {
    return this.idx.bindingsByDeployment.get(deploymentId) ?? []
  }
  bindingOfServiceAccount(serviceAccountId: string): RoleBindingRecord | undefined {
    return this.idx.bindingByServiceAccount.get(serviceAccountId)
  }

  // invites
  invite(id: string): InviteRecord | undefined {
    return this.state.invites[id]
  }
  invitesOf(workspaceId: string): readonly InviteRecord[] {
    return this.idx.invitesByWorkspace.get(workspaceId) ?? []
  }

  // service accounts
  serviceAccount(id: string): ServiceAccountRecord | undefined {
    return this.state.serviceAccounts[id]
  }
  serviceAccountsOf(entityType: ServiceAccountRecord['entityType'], entityId: string): readonly ServiceAccountRecord[] {
    return this.idx.serviceAccountsByEntity.get(`${entityType}:${entityId}`) ?? []
  }

  // teams
  team(id: string): TeamRecord | undefined {
    return this.state.teams[id]
  }
  teams(): TeamRecord[] {
    return Object.values(this.state.teams)
  }
  /** Teams a user is a member of. */
  teamsOfUser(userId: string): readonly TeamRecord[] {
    return this.idx.teamsByUser.get(userId) ?? []
  }
  /** A team's bindings: system, workspace and deployment. */
  bindingsOfTeam(teamId: string): readonly RoleBindingRecord[] {
    return this.idx.bindingsByTeam.get(teamId) ?? []
  }

  // writes
  putUser(u: UserRecord): void {
    this.state.users[u.id] = u
    this.changed()
  }
  putWorkspace(w: WorkspaceRecord): void {
    this.state.workspaces[w.id] = w
    this.changed()
  }
  putDeployment(d: DeploymentRecord): void {
    this.state.deployments[d.id] = d
    this.changed()
  }
  putBinding(b: RoleBindingRecord): void {
    this.state.roleBindings[b.id] = b
    this.changed()
  }
  putInvite(i: InviteRecord): void {
    this.state.invites[i.id] = i
    this.changed()
  }
  putServiceAccount(a: ServiceAccountRecord): void {
    this.state.serviceAccounts[a.id] = a
    this.changed()
  }

  putTeam(t: TeamRecord): void {
    this.state.teams[t.id] = t
    this.changed()
  }
  /** Removes a team with its role bindings. */
  removeTeam(id: string): void {
    for (const b of this.bindingsOfTeam(id)) remove(this.state.roleBindings, b.id)
    remove(this.state.teams, id)
    this.changed()
  }

  removeBinding(id: string): void {
    remove(this.state.roleBindings, id)
    this.changed()
  }
  removeInvite(id: string): void {
    remove(this.state.invites, id)
    this.changed()
  }
  removeServiceAccount(id: string): void {
    const binding = this.bindingOfServiceAccount(id)
    if (binding) remove(this.state.roleBindings, binding.id)
    remove(this.state.serviceAccounts, id)
    this.changed()
  }
  /** Removes a deployment with its role bindings and service accounts. */
  removeDeployment(id: string): void {
    for (const b of this.bindingsOfDeployment(id)) remove(this.state.roleBindings, b.id)
    for (const a of this.serviceAccountsOf('DEPLOYMENT', id)) this.removeServiceAccountRecords(a.id)
    remove(this.state.deployments, id)
    this.changed()
  }
  /** Removes an (empty) workspace with its bindings, invites and service accounts. */
  removeWorkspace(id: string): void {
    for (const b of this.bindingsOfWorkspace(id)) remove(this.state.roleBindings, b.id)
    for (const i of this.invitesOf(id)) remove(this.state.invites, i.id)
    for (const a of this.serviceAccountsOf('WORKSPACE', id)) this.removeServiceAccountRecords(a.id)
    remove(this.state.workspaces, id)
    this.changed()
  }
  private removeServiceAccountRecords(id: string) {
    const binding = this.bindingOfServiceAccount(id)
    if (binding) remove(this.state.roleBindings, binding.id)
    remove(this.state.serviceAccounts, id)
  }

  // tokens
  token(value: string): TokenRecord | undefined {
    return this.state.tokens[value]
  }
  putToken(value: string, record: TokenRecord): void {
    this.state.tokens[value] = record
  }
  /** Forgets every token of one user (signs them out everywhere). */
  dropTokensOf(userId: string): void {
    for (const [value, t] of Object.entries(this.state.tokens)) if (t.userId === userId) remove(this.state.tokens, value)
  }
  /** Forgets expired tokens so that the snapshot does not grow without end. */
  dropExpiredTokens(nowSeconds: number): void {
    for (const [value, t] of Object.entries(this.state.tokens)) if (t.exp <= nowSeconds) remove(this.state.tokens, value)
  }
}
