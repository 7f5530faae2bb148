/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n": typeof types.SchoolClassesDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": typeof types.ActivateAccountDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n": typeof types.ResetPasswordWithCodeDocument,
    "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n      pupils {\n        id\n        displayName\n        login\n        alias\n        profile\n        status\n        activated\n        lastLoginAt\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ClassSettingsDocument,
    "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n": typeof types.GenerateRenewalCodeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n": typeof types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n": typeof types.PasswordRuleDocument,
};
const documents: Documents = {
    "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n": types.SchoolClassesDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n": types.OutboxDocument,
    "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": types.ActivateAccountDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n": types.ResetPasswordWithCodeDocument,
    "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n      pupils {\n        id\n        displayName\n        login\n        alias\n        profile\n        status\n        activated\n        lastLoginAt\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n  }\n": types.ClassSettingsDocument,
    "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n": types.GenerateRenewalCodeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n": types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": types.MeDocument,
    "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n": types.PasswordRuleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n"): (typeof documents)["\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n"): (typeof documents)["\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n      pupils {\n        id\n        displayName\n        login\n        alias\n        profile\n        status\n        activated\n        lastLoginAt\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n      pupils {\n        id\n        displayName\n        login\n        alias\n        profile\n        status\n        activated\n        lastLoginAt\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n"): (typeof documents)["\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;