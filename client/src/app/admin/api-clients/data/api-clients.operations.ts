import { graphql } from '../../../core/graphql/operation';

/** What the page shows of a client (never its token, which only a creation or rotation answers, once). */
export const API_CLIENT_FIELDS = graphql(`
  fragment ApiClientFields on ApiClient {
    id
    name
    purpose
    structureId
    structureName
    scopes
    createdAt
    expiresAt
    revokedAt
    lastUsedAt
    previousTokenValidUntil
    bucketSize
    bucketRefillPerSecond
  }
`);

/** The clients whose subtree lies in the caller's scope, newest first. */
export const API_CLIENTS_QUERY = graphql(`
  query ApiClients {
    apiClients {
      ...ApiClientFields
    }
  }
`);

export const CREATE_API_CLIENT_MUTATION = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      token
      client {
        ...ApiClientFields
      }
    }
  }
`);

export const ROTATE_API_CLIENT_TOKEN_MUTATION = graphql(`
  mutation RotateApiClientToken($id: ID!, $expiresAt: DateTimeISO) {
    rotateApiClientToken(id: $id, expiresAt: $expiresAt) {
      token
      client {
        ...ApiClientFields
      }
    }
  }
`);

export const REVOKE_API_CLIENT_MUTATION = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      ...ApiClientFields
    }
  }
`);
