// The accounts a person can sign in with on the demo (sign-in page's demo
// mode, README). The seed creates exactly these with these roles.

export interface SeededAccount {
  email: string
  password: string
  /** The role that the account demonstrates. */
  role: string
  description: string
}

export const SEEDED_ACCOUNTS: readonly SeededAccount[] = [
  {
    email: 'admin@example.com',
    password: 'demo',
    role: 'System admin',
    description: 'System admin, and admin of Data Platform: sees and manages every workspace, user and quota.',
  },
  {
    email: 'editor@example.com',
    password: 'demo',
    role: 'Workspace editor',
    description: 'Editor of Data Platform and Marketing Analytics: creates and scales deployments, sets env vars.',
  },
  {
    email: 'viewer@example.com',
    password: 'demo',
    role: 'Workspace viewer',
    description: 'Viewer of Data Platform: sees quota, health, logs and metrics, changes nothing.',
  },
  {
    email: 'wsadmin@example.com',
    password: 'demo',
    role: 'Workspace admin',
    description: 'Sole admin of Marketing Analytics: manages its members, invites and service accounts.',
  },
  {
    email: 'sysviewer@example.com',
    password: 'demo',
    role: 'System viewer',
    description: 'System viewer: platform monitoring, no workspace of their own.',
  },
  {
    email: 'sysedit@example.com',
    password: 'demo',
    role: 'System editor',
    description: 'System editor: may grant system viewer and editor roles, no workspace of their own.',
  },
  {
    email: 'deployeditor@example.com',
    password: 'demo',
    role: 'Deployment editor',
    description: 'Viewer of Data Platform, and editor of its Customer ETL deployment only.',
  },
  {
    email: 'newbie@example.com',
    password: 'demo',
    role: 'No role',
    description: 'Signed in but bound to nothing: sees no workspace until invited, may create one.',
  },
]
