import { graphql } from '../../../core/graphql/operation';

/** « Générer un code de renouvellement de mot de passe »: the code is shown once, never again. */
export const GENERATE_RENEWAL_CODE_MUTATION = graphql(`
  mutation GenerateRenewalCode($userId: ID!) {
    generateRenewalCode(userId: $userId) {
      code
      expiresAt
    }
  }
`);

/**
 * « Imprimer pour l'élève »: a new code with its slip (A4 PDF, base64). The code is stored hashed, so
 * the slip can only come with a generation; this one revokes the code shown before.
 */
export const PRINT_RENEWAL_CODE_MUTATION = graphql(`
  mutation PrintRenewalCode($userId: ID!) {
    generateRenewalCode(userId: $userId) {
      code
      expiresAt
      slipPdf
    }
  }
`);
