import { graphql } from '@/gql'

export const SelfQuery = graphql(`
  query Self {
    self {
      isAdmin
      permissions
      user {
        id
        username
        fullName
        emails {
          address
          primary
        }
        roleBindings {
          id
          role
          workspace {
            id
          }
          deployment {
            id
            workspace {
              id
            }
          }
          # Set for a role held as a member of a team.
          team {
            id
            name
          }
        }
      }
    }
  }
`)

export const AuthConfigQuery = graphql(`
  query AuthConfig($redirect: String) {
    authConfig(redirect: $redirect) {
      localEnabled
      publicSignup
      providers {
        name
        displayName
        url
      }
    }
  }
`)

export const CreateTokenMutation = graphql(`
  mutation CreateToken($identity: String!, $password: String!) {
    createToken(identity: $identity, password: $password) {
      token {
        value
        payload {
          exp
        }
      }
      user {
        id
      }
    }
  }
`)
