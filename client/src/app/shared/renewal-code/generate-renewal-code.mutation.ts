import { graphql } from '../../core/graphql/operation';

/** « Générer un code de renouvellement de mot de passe »: the code is shown once, never again. */
export const GENERATE_RENEWAL_CODE_MUTATION = graphql(`
  mutation GenerateRenewalCode($userId: ID!) {
    generateRenewalCode(userId: $userId) {
      code
      expiresAt
    }
  }
`);
