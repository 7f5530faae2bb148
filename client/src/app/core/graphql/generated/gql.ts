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
    "\n  fragment ApiClientFields on ApiClient {\n    id\n    name\n    purpose\n    structureId\n    structureName\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    previousTokenValidUntil\n    bucketSize\n    bucketRefillPerSecond\n  }\n": typeof types.ApiClientFieldsFragmentDoc,
    "\n  query ApiClients {\n    apiClients {\n      ...ApiClientFields\n    }\n  }\n": typeof types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n": typeof types.CreateApiClientDocument,
    "\n  mutation RotateApiClientToken($id: ID!, $expiresAt: DateTimeISO) {\n    rotateApiClientToken(id: $id, expiresAt: $expiresAt) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n": typeof types.RotateApiClientTokenDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      ...ApiClientFields\n    }\n  }\n": typeof types.RevokeApiClientDocument,
    "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n": typeof types.SchoolClassesDocument,
    "\n  query ImportSession($id: ID!) {\n    importSession(id: $id) {\n      id\n      schoolId\n      schoolName\n      status\n      files {\n        fileName\n        kind\n        encoding\n        separator\n        rows\n        samples\n        footerSkipped\n        warnings\n      }\n      totals {\n        profile\n        created\n        modified\n        unchanged\n        transfers\n        classChanges\n        absent\n        toArbitrate\n        errors\n        warnings\n      }\n      classes {\n        operation\n        oldName\n        name\n        pupils\n      }\n      families {\n        pupilsWithoutGuardian\n        pupilsWithOneGuardian\n        pupilsWithTwoOrMoreGuardians\n        guardiansWithoutEmail\n      }\n      leavers {\n        pupils\n        relatives\n        withheld\n        confirmationRequired\n      }\n      outcome {\n        created\n        modified\n        transfers\n        leavers\n        classesCreated\n        classesRenamed\n      }\n    }\n  }\n": typeof types.ImportSessionDocument,
    "\n  query ImportLines($id: ID!, $first: Int!, $offset: Int!, $operation: ImportLineOperation, $decidable: Boolean) {\n    importSession(id: $id) {\n      id\n      lines(first: $first, offset: $offset, operation: $operation, decidable: $decidable) {\n        total\n        items {\n          file\n          line\n          profile\n          operation\n          rule\n          lastName\n          firstName\n          className\n          classChange\n          candidates {\n            userId\n            label\n          }\n          changes {\n            field\n            old\n            new\n          }\n          messages\n        }\n      }\n    }\n  }\n": typeof types.ImportLinesDocument,
    "\n  mutation ApplyImport($sessionId: ID!, $resolutions: [ImportResolution!]!, $confirmLeavers: Int) {\n    applyImport(sessionId: $sessionId, resolutions: $resolutions, confirmLeavers: $confirmLeavers) {\n      created\n      modified\n      transfers\n      leavers\n      classesCreated\n      classesRenamed\n    }\n  }\n": typeof types.ApplyImportDocument,
    "\n  subscription ImportProgress($sessionId: ID!) {\n    importProgress(sessionId: $sessionId) {\n      sessionId\n      phase\n      done\n      total\n    }\n  }\n": typeof types.ImportProgressDocument,
    "\n  query MyMailings($first: Int!, $after: String) {\n    myMailings(first: $first, after: $after) {\n      endCursor\n      nodes {\n        ...MailingFields\n        createdAt\n      }\n    }\n  }\n": typeof types.MyMailingsDocument,
    "\n  query MailingRecipients($id: ID!, $status: MailingRecipientStatus, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: $status, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          status\n          error\n        }\n      }\n    }\n  }\n": typeof types.MailingRecipientsDocument,
    "\n  query MailingAccounts($filter: UserFilter, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: NAME, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...UserRowFields\n          activationCode\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MailingAccountsDocument,
    "\n  query MailingSelection($filter: UserFilter) {\n    mailingSelection(filter: $filter) {\n      total\n      withoutEmail\n    }\n  }\n": typeof types.MailingSelectionDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  fragment SupervisionRowFields on SupervisionRow {\n    id\n    name\n    code\n    circonscriptionId\n    students\n    studentsActivated\n    relatives\n    relativesActivated\n    teachers\n    teachersActivated\n    personnel\n    personnelActivated\n    guests\n    guestsActivated\n    pupilsCovered\n    pupilsWithoutGuardian\n    relativesWithoutEmail\n    blocked\n    predeleted\n    pendingReports\n    oldestPendingReportAt\n    absentFromFile\n    renewalCodesExpired\n    lastImportAt\n    lastImportCreated\n    lastImportModified\n    lastImportLeavers\n    unappliedImportAt\n    studentsActive7\n    studentsActive30\n    relativesActive7\n    relativesActive30\n    teachersActive7\n    teachersActive30\n  }\n": typeof types.SupervisionRowFieldsFragmentDoc,
    "\n  subscription SupervisionChanged {\n    supervisionChanged {\n      changedAt\n    }\n  }\n": typeof types.SupervisionChangedDocument,
    "\n  query Supervision {\n    supervision {\n      updatedAt\n      activityDay\n      circonscriptions {\n        ...SupervisionRowFields\n      }\n      ecoles {\n        ...SupervisionRowFields\n      }\n      total {\n        ...SupervisionRowFields\n      }\n    }\n  }\n": typeof types.SupervisionDocument,
    "\n  query AdministeredStructures {\n    structures {\n      id\n      name\n      kind\n      code\n      parentId\n    }\n  }\n": typeof types.AdministeredStructuresDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query SearchUsers($query: String!, $first: Int!) {\n    searchUsers(query: $query, first: $first) {\n      id\n      displayName\n      login\n      profile\n      activated\n      classes\n      schools\n    }\n  }\n": typeof types.SearchUsersDocument,
    "\n  query UserHistory($userId: ID!, $first: Int!, $after: String) {\n    auditLog(filter: { targetUserId: $userId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorLabel\n          clientAddress\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.UserHistoryDocument,
    "\n  query UserList($filter: UserFilter, $orderBy: UserOrder!, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserRowFields\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UserListDocument,
    "\n  fragment UserRecordFields on User {\n    id\n    firstName\n    lastName\n    displayName\n    login\n    alias\n    profile\n    status\n    activated\n    blockedUntil\n    blockedReason\n    lastLoginDay\n    email\n    mobile\n    activationCode\n    externalId\n    source\n    createdAt\n    updatedAt\n    birthDate\n    hasPhoto\n    deleteAfter\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n      kind\n      code\n    }\n    relatives {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    children {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    functions {\n      function\n      structure {\n        id\n        name\n        kind\n      }\n    }\n    communicationRules {\n      direction\n      group\n      count\n    }\n  }\n": typeof types.UserRecordFieldsFragmentDoc,
    "\n  mutation SetLoginAlias($userId: ID!, $alias: String) {\n    setLoginAlias(userId: $userId, alias: $alias) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.SetLoginAliasDocument,
    "\n  mutation AttachToClass($userId: ID!, $classId: ID!) {\n    attachToClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.AttachToClassDocument,
    "\n  mutation DetachFromClass($userId: ID!, $classId: ID!) {\n    detachFromClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.DetachFromClassDocument,
    "\n  mutation AddRelative($studentId: ID!, $relativeId: ID!) {\n    addRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.AddRelativeDocument,
    "\n  mutation RemoveRelative($studentId: ID!, $relativeId: ID!) {\n    removeRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.RemoveRelativeDocument,
    "\n  mutation GrantAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    grantAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.GrantAdminFunctionDocument,
    "\n  mutation RevokeAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    revokeAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.RevokeAdminFunctionDocument,
    "\n  mutation RemoveUserPhoto($userId: ID!) {\n    removeUserPhoto(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.RemoveUserPhotoDocument,
    "\n  mutation BlockUser($userId: ID!, $until: DateTimeISO, $reason: String) {\n    blockUser(userId: $userId, until: $until, reason: $reason) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.UnblockUserDocument,
    "\n  mutation PredeleteUser($userId: ID!) {\n    predeleteUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.PredeleteUserDocument,
    "\n  mutation RestoreUser($userId: ID!) {\n    restoreUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.RestoreUserDocument,
    "\n  query UserRecord($id: ID!) {\n    user(id: $id) {\n      ...UserRecordFields\n    }\n  }\n": typeof types.UserRecordDocument,
    "\n  fragment UserRowFields on User {\n    id\n    firstName\n    lastName\n    login\n    alias\n    profile\n    activated\n    createdAt\n    classes {\n      id\n      name\n    }\n  }\n": typeof types.UserRowFieldsFragmentDoc,
    "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": typeof types.ActivateAccountDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n": typeof types.ResetPasswordWithCodeDocument,
    "\n  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {\n    attachTeachersToClass(classId: $classId, userIds: $userIds) {\n      ...ClassSettingsFields\n    }\n  }\n": typeof types.AttachTeachersToClassDocument,
    "\n  fragment ClassSettingsFields on SchoolClass {\n    id\n    name\n    levels\n    school {\n      id\n      name\n    }\n    pupils {\n      id\n      displayName\n      login\n      alias\n      profile\n      status\n      activated\n      lastLoginDay\n    }\n    teachers {\n      id\n      displayName\n    }\n  }\n": typeof types.ClassSettingsFieldsFragmentDoc,
    "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      ...ClassSettingsFields\n    }\n  }\n": typeof types.ClassSettingsDocument,
    "\n  query SchoolTeachers($structureId: ID!, $first: Int!, $after: String) {\n    users(filter: { profiles: [TEACHER], structureId: $structureId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          login\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SchoolTeachersDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n": typeof types.MeFieldsFragmentDoc,
    "query Me {\n  me {\n    ...MeFields\n  }\n}": typeof types.MeDocument,
    "query InboxUnreadCount {\n  inbox(first: 1) {\n    unreadCount\n  }\n}\n\nsubscription InboxChanged {\n  inboxChanged {\n    unreadCount\n    message {\n      id\n      body\n      sentAt\n      read\n      sender {\n        id\n        displayName\n        profile\n      }\n    }\n  }\n}": typeof types.InboxUnreadCountDocument,
    "\n  query Inbox($first: Int!, $after: String) {\n    inbox(first: $first, after: $after) {\n      unreadCount\n      messages {\n        id\n        body\n        read\n        sentAt\n        sender {\n          id\n          displayName\n          profile\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.InboxDocument,
    "\n  mutation MarkMessageRead($messageId: ID!) {\n    markMessageRead(messageId: $messageId)\n  }\n": typeof types.MarkMessageReadDocument,
    "\n  query Contacts($query: String!, $first: Int!) {\n    contacts(query: $query, first: $first) {\n      id\n      displayName\n      person {\n        id\n        profile\n      }\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      recipients\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n": typeof types.PasswordRuleDocument,
    "\n  fragment MailingFields on Mailing {\n    id\n    kind\n    layout\n    status\n    total\n    done\n    sent\n    failed\n    error\n    documentUrl\n  }\n": typeof types.MailingFieldsFragmentDoc,
    "\n  mutation CreateMailing($input: CreateMailingInput!) {\n    createMailing(input: $input) {\n      ...MailingFields\n    }\n  }\n": typeof types.CreateMailingDocument,
    "\n  query Mailing($id: ID!) {\n    mailing(id: $id) {\n      ...MailingFields\n    }\n  }\n": typeof types.MailingDocument,
    "\n  subscription MailingProgress($id: ID!) {\n    mailingProgress(id: $id) {\n      ...MailingFields\n    }\n  }\n": typeof types.MailingProgressDocument,
    "\n  query MailingFailures($id: ID!, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: FAILED, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          error\n        }\n      }\n    }\n  }\n": typeof types.MailingFailuresDocument,
    "\n  fragment TimelineItemFields on TimelineItem {\n    id\n    title\n    body\n    link\n    author {\n      id\n      displayName\n      profile\n    }\n    audience\n    createdAt\n    reportedByMe\n    reportId\n    reportNotice {\n      reportId\n      audience\n      reporter {\n        id\n        displayName\n      }\n      treatedAt\n      treatedBy\n    }\n  }\n": typeof types.TimelineItemFieldsFragmentDoc,
    "\n  query Timeline($first: Int!, $after: String) {\n    timeline(first: $first, after: $after) {\n      items {\n        ...TimelineItemFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.TimelineDocument,
    "\n  subscription TimelineChanged {\n    timelineChanged {\n      change\n      notificationId\n      item {\n        ...TimelineItemFields\n      }\n    }\n  }\n": typeof types.TimelineChangedDocument,
    "\n  mutation ReportNotification($notificationId: ID!) {\n    reportNotification(notificationId: $notificationId) {\n      reportId\n      reportedAt\n    }\n  }\n": typeof types.ReportNotificationDocument,
    "\n  mutation PublishPost($input: PublishPostInput!) {\n    publishPost(input: $input) {\n      notificationId\n      recipients\n    }\n  }\n": typeof types.PublishPostDocument,
    "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n": typeof types.GenerateRenewalCodeDocument,
    "\n  mutation PrintRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n      slipPdf\n    }\n  }\n": typeof types.PrintRenewalCodeDocument,
    "\n  fragment ReportFields on Report {\n    id\n    status\n    notificationId\n    text\n    body\n    author {\n      id\n      displayName\n      profile\n    }\n    reporters {\n      person {\n        id\n        displayName\n        profile\n      }\n      reportedAt\n    }\n    createdAt\n    treatedAt\n    treatedBy\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query Reports($status: ReportStatus, $first: Int!, $after: String) {\n    reports(status: $status, first: $first, after: $after) {\n      reports {\n        ...ReportFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  mutation KeepReport($reportId: ID!) {\n    keepReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n": typeof types.KeepReportDocument,
    "\n  mutation DeleteReport($reportId: ID!, $blockAuthor: Boolean!, $blockUntil: DateTimeISO) {\n    deleteReport(reportId: $reportId, blockAuthor: $blockAuthor, blockUntil: $blockUntil) {\n      ...ReportFields\n    }\n  }\n": typeof types.DeleteReportDocument,
    "\n  subscription ReportAdded {\n    reportAdded {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportAddedDocument,
    "\n  subscription ReportTreated {\n    reportTreated {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportTreatedDocument,
};
const documents: Documents = {
    "\n  fragment ApiClientFields on ApiClient {\n    id\n    name\n    purpose\n    structureId\n    structureName\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    previousTokenValidUntil\n    bucketSize\n    bucketRefillPerSecond\n  }\n": types.ApiClientFieldsFragmentDoc,
    "\n  query ApiClients {\n    apiClients {\n      ...ApiClientFields\n    }\n  }\n": types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n": types.CreateApiClientDocument,
    "\n  mutation RotateApiClientToken($id: ID!, $expiresAt: DateTimeISO) {\n    rotateApiClientToken(id: $id, expiresAt: $expiresAt) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n": types.RotateApiClientTokenDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      ...ApiClientFields\n    }\n  }\n": types.RevokeApiClientDocument,
    "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n": types.SchoolClassesDocument,
    "\n  query ImportSession($id: ID!) {\n    importSession(id: $id) {\n      id\n      schoolId\n      schoolName\n      status\n      files {\n        fileName\n        kind\n        encoding\n        separator\n        rows\n        samples\n        footerSkipped\n        warnings\n      }\n      totals {\n        profile\n        created\n        modified\n        unchanged\n        transfers\n        classChanges\n        absent\n        toArbitrate\n        errors\n        warnings\n      }\n      classes {\n        operation\n        oldName\n        name\n        pupils\n      }\n      families {\n        pupilsWithoutGuardian\n        pupilsWithOneGuardian\n        pupilsWithTwoOrMoreGuardians\n        guardiansWithoutEmail\n      }\n      leavers {\n        pupils\n        relatives\n        withheld\n        confirmationRequired\n      }\n      outcome {\n        created\n        modified\n        transfers\n        leavers\n        classesCreated\n        classesRenamed\n      }\n    }\n  }\n": types.ImportSessionDocument,
    "\n  query ImportLines($id: ID!, $first: Int!, $offset: Int!, $operation: ImportLineOperation, $decidable: Boolean) {\n    importSession(id: $id) {\n      id\n      lines(first: $first, offset: $offset, operation: $operation, decidable: $decidable) {\n        total\n        items {\n          file\n          line\n          profile\n          operation\n          rule\n          lastName\n          firstName\n          className\n          classChange\n          candidates {\n            userId\n            label\n          }\n          changes {\n            field\n            old\n            new\n          }\n          messages\n        }\n      }\n    }\n  }\n": types.ImportLinesDocument,
    "\n  mutation ApplyImport($sessionId: ID!, $resolutions: [ImportResolution!]!, $confirmLeavers: Int) {\n    applyImport(sessionId: $sessionId, resolutions: $resolutions, confirmLeavers: $confirmLeavers) {\n      created\n      modified\n      transfers\n      leavers\n      classesCreated\n      classesRenamed\n    }\n  }\n": types.ApplyImportDocument,
    "\n  subscription ImportProgress($sessionId: ID!) {\n    importProgress(sessionId: $sessionId) {\n      sessionId\n      phase\n      done\n      total\n    }\n  }\n": types.ImportProgressDocument,
    "\n  query MyMailings($first: Int!, $after: String) {\n    myMailings(first: $first, after: $after) {\n      endCursor\n      nodes {\n        ...MailingFields\n        createdAt\n      }\n    }\n  }\n": types.MyMailingsDocument,
    "\n  query MailingRecipients($id: ID!, $status: MailingRecipientStatus, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: $status, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          status\n          error\n        }\n      }\n    }\n  }\n": types.MailingRecipientsDocument,
    "\n  query MailingAccounts($filter: UserFilter, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: NAME, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...UserRowFields\n          activationCode\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MailingAccountsDocument,
    "\n  query MailingSelection($filter: UserFilter) {\n    mailingSelection(filter: $filter) {\n      total\n      withoutEmail\n    }\n  }\n": types.MailingSelectionDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n": types.OutboxDocument,
    "\n  fragment SupervisionRowFields on SupervisionRow {\n    id\n    name\n    code\n    circonscriptionId\n    students\n    studentsActivated\n    relatives\n    relativesActivated\n    teachers\n    teachersActivated\n    personnel\n    personnelActivated\n    guests\n    guestsActivated\n    pupilsCovered\n    pupilsWithoutGuardian\n    relativesWithoutEmail\n    blocked\n    predeleted\n    pendingReports\n    oldestPendingReportAt\n    absentFromFile\n    renewalCodesExpired\n    lastImportAt\n    lastImportCreated\n    lastImportModified\n    lastImportLeavers\n    unappliedImportAt\n    studentsActive7\n    studentsActive30\n    relativesActive7\n    relativesActive30\n    teachersActive7\n    teachersActive30\n  }\n": types.SupervisionRowFieldsFragmentDoc,
    "\n  subscription SupervisionChanged {\n    supervisionChanged {\n      changedAt\n    }\n  }\n": types.SupervisionChangedDocument,
    "\n  query Supervision {\n    supervision {\n      updatedAt\n      activityDay\n      circonscriptions {\n        ...SupervisionRowFields\n      }\n      ecoles {\n        ...SupervisionRowFields\n      }\n      total {\n        ...SupervisionRowFields\n      }\n    }\n  }\n": types.SupervisionDocument,
    "\n  query AdministeredStructures {\n    structures {\n      id\n      name\n      kind\n      code\n      parentId\n    }\n  }\n": types.AdministeredStructuresDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  query SearchUsers($query: String!, $first: Int!) {\n    searchUsers(query: $query, first: $first) {\n      id\n      displayName\n      login\n      profile\n      activated\n      classes\n      schools\n    }\n  }\n": types.SearchUsersDocument,
    "\n  query UserHistory($userId: ID!, $first: Int!, $after: String) {\n    auditLog(filter: { targetUserId: $userId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorLabel\n          clientAddress\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.UserHistoryDocument,
    "\n  query UserList($filter: UserFilter, $orderBy: UserOrder!, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserRowFields\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UserListDocument,
    "\n  fragment UserRecordFields on User {\n    id\n    firstName\n    lastName\n    displayName\n    login\n    alias\n    profile\n    status\n    activated\n    blockedUntil\n    blockedReason\n    lastLoginDay\n    email\n    mobile\n    activationCode\n    externalId\n    source\n    createdAt\n    updatedAt\n    birthDate\n    hasPhoto\n    deleteAfter\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n      kind\n      code\n    }\n    relatives {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    children {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    functions {\n      function\n      structure {\n        id\n        name\n        kind\n      }\n    }\n    communicationRules {\n      direction\n      group\n      count\n    }\n  }\n": types.UserRecordFieldsFragmentDoc,
    "\n  mutation SetLoginAlias($userId: ID!, $alias: String) {\n    setLoginAlias(userId: $userId, alias: $alias) {\n      ...UserRecordFields\n    }\n  }\n": types.SetLoginAliasDocument,
    "\n  mutation AttachToClass($userId: ID!, $classId: ID!) {\n    attachToClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n": types.AttachToClassDocument,
    "\n  mutation DetachFromClass($userId: ID!, $classId: ID!) {\n    detachFromClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n": types.DetachFromClassDocument,
    "\n  mutation AddRelative($studentId: ID!, $relativeId: ID!) {\n    addRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n": types.AddRelativeDocument,
    "\n  mutation RemoveRelative($studentId: ID!, $relativeId: ID!) {\n    removeRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n": types.RemoveRelativeDocument,
    "\n  mutation GrantAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    grantAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n": types.GrantAdminFunctionDocument,
    "\n  mutation RevokeAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    revokeAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n": types.RevokeAdminFunctionDocument,
    "\n  mutation RemoveUserPhoto($userId: ID!) {\n    removeUserPhoto(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": types.RemoveUserPhotoDocument,
    "\n  mutation BlockUser($userId: ID!, $until: DateTimeISO, $reason: String) {\n    blockUser(userId: $userId, until: $until, reason: $reason) {\n      ...UserRecordFields\n    }\n  }\n": types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": types.UnblockUserDocument,
    "\n  mutation PredeleteUser($userId: ID!) {\n    predeleteUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": types.PredeleteUserDocument,
    "\n  mutation RestoreUser($userId: ID!) {\n    restoreUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n": types.RestoreUserDocument,
    "\n  query UserRecord($id: ID!) {\n    user(id: $id) {\n      ...UserRecordFields\n    }\n  }\n": types.UserRecordDocument,
    "\n  fragment UserRowFields on User {\n    id\n    firstName\n    lastName\n    login\n    alias\n    profile\n    activated\n    createdAt\n    classes {\n      id\n      name\n    }\n  }\n": types.UserRowFieldsFragmentDoc,
    "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": types.ActivateAccountDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n": types.ResetPasswordWithCodeDocument,
    "\n  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {\n    attachTeachersToClass(classId: $classId, userIds: $userIds) {\n      ...ClassSettingsFields\n    }\n  }\n": types.AttachTeachersToClassDocument,
    "\n  fragment ClassSettingsFields on SchoolClass {\n    id\n    name\n    levels\n    school {\n      id\n      name\n    }\n    pupils {\n      id\n      displayName\n      login\n      alias\n      profile\n      status\n      activated\n      lastLoginDay\n    }\n    teachers {\n      id\n      displayName\n    }\n  }\n": types.ClassSettingsFieldsFragmentDoc,
    "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      ...ClassSettingsFields\n    }\n  }\n": types.ClassSettingsDocument,
    "\n  query SchoolTeachers($structureId: ID!, $first: Int!, $after: String) {\n    users(filter: { profiles: [TEACHER], structureId: $structureId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          login\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SchoolTeachersDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n": types.MeFieldsFragmentDoc,
    "query Me {\n  me {\n    ...MeFields\n  }\n}": types.MeDocument,
    "query InboxUnreadCount {\n  inbox(first: 1) {\n    unreadCount\n  }\n}\n\nsubscription InboxChanged {\n  inboxChanged {\n    unreadCount\n    message {\n      id\n      body\n      sentAt\n      read\n      sender {\n        id\n        displayName\n        profile\n      }\n    }\n  }\n}": types.InboxUnreadCountDocument,
    "\n  query Inbox($first: Int!, $after: String) {\n    inbox(first: $first, after: $after) {\n      unreadCount\n      messages {\n        id\n        body\n        read\n        sentAt\n        sender {\n          id\n          displayName\n          profile\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.InboxDocument,
    "\n  mutation MarkMessageRead($messageId: ID!) {\n    markMessageRead(messageId: $messageId)\n  }\n": types.MarkMessageReadDocument,
    "\n  query Contacts($query: String!, $first: Int!) {\n    contacts(query: $query, first: $first) {\n      id\n      displayName\n      person {\n        id\n        profile\n      }\n    }\n  }\n": types.ContactsDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      recipients\n    }\n  }\n": types.SendMessageDocument,
    "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n": types.PasswordRuleDocument,
    "\n  fragment MailingFields on Mailing {\n    id\n    kind\n    layout\n    status\n    total\n    done\n    sent\n    failed\n    error\n    documentUrl\n  }\n": types.MailingFieldsFragmentDoc,
    "\n  mutation CreateMailing($input: CreateMailingInput!) {\n    createMailing(input: $input) {\n      ...MailingFields\n    }\n  }\n": types.CreateMailingDocument,
    "\n  query Mailing($id: ID!) {\n    mailing(id: $id) {\n      ...MailingFields\n    }\n  }\n": types.MailingDocument,
    "\n  subscription MailingProgress($id: ID!) {\n    mailingProgress(id: $id) {\n      ...MailingFields\n    }\n  }\n": types.MailingProgressDocument,
    "\n  query MailingFailures($id: ID!, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: FAILED, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          error\n        }\n      }\n    }\n  }\n": types.MailingFailuresDocument,
    "\n  fragment TimelineItemFields on TimelineItem {\n    id\n    title\n    body\n    link\n    author {\n      id\n      displayName\n      profile\n    }\n    audience\n    createdAt\n    reportedByMe\n    reportId\n    reportNotice {\n      reportId\n      audience\n      reporter {\n        id\n        displayName\n      }\n      treatedAt\n      treatedBy\n    }\n  }\n": types.TimelineItemFieldsFragmentDoc,
    "\n  query Timeline($first: Int!, $after: String) {\n    timeline(first: $first, after: $after) {\n      items {\n        ...TimelineItemFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.TimelineDocument,
    "\n  subscription TimelineChanged {\n    timelineChanged {\n      change\n      notificationId\n      item {\n        ...TimelineItemFields\n      }\n    }\n  }\n": types.TimelineChangedDocument,
    "\n  mutation ReportNotification($notificationId: ID!) {\n    reportNotification(notificationId: $notificationId) {\n      reportId\n      reportedAt\n    }\n  }\n": types.ReportNotificationDocument,
    "\n  mutation PublishPost($input: PublishPostInput!) {\n    publishPost(input: $input) {\n      notificationId\n      recipients\n    }\n  }\n": types.PublishPostDocument,
    "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n": types.GenerateRenewalCodeDocument,
    "\n  mutation PrintRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n      slipPdf\n    }\n  }\n": types.PrintRenewalCodeDocument,
    "\n  fragment ReportFields on Report {\n    id\n    status\n    notificationId\n    text\n    body\n    author {\n      id\n      displayName\n      profile\n    }\n    reporters {\n      person {\n        id\n        displayName\n        profile\n      }\n      reportedAt\n    }\n    createdAt\n    treatedAt\n    treatedBy\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query Reports($status: ReportStatus, $first: Int!, $after: String) {\n    reports(status: $status, first: $first, after: $after) {\n      reports {\n        ...ReportFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.ReportsDocument,
    "\n  mutation KeepReport($reportId: ID!) {\n    keepReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n": types.KeepReportDocument,
    "\n  mutation DeleteReport($reportId: ID!, $blockAuthor: Boolean!, $blockUntil: DateTimeISO) {\n    deleteReport(reportId: $reportId, blockAuthor: $blockAuthor, blockUntil: $blockUntil) {\n      ...ReportFields\n    }\n  }\n": types.DeleteReportDocument,
    "\n  subscription ReportAdded {\n    reportAdded {\n      ...ReportFields\n    }\n  }\n": types.ReportAddedDocument,
    "\n  subscription ReportTreated {\n    reportTreated {\n      ...ReportFields\n    }\n  }\n": types.ReportTreatedDocument,
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
export function graphql(source: "\n  fragment ApiClientFields on ApiClient {\n    id\n    name\n    purpose\n    structureId\n    structureName\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    previousTokenValidUntil\n    bucketSize\n    bucketRefillPerSecond\n  }\n"): (typeof documents)["\n  fragment ApiClientFields on ApiClient {\n    id\n    name\n    purpose\n    structureId\n    structureName\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    previousTokenValidUntil\n    bucketSize\n    bucketRefillPerSecond\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiClients {\n    apiClients {\n      ...ApiClientFields\n    }\n  }\n"): (typeof documents)["\n  query ApiClients {\n    apiClients {\n      ...ApiClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiClientToken($id: ID!, $expiresAt: DateTimeISO) {\n    rotateApiClientToken(id: $id, expiresAt: $expiresAt) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiClientToken($id: ID!, $expiresAt: DateTimeISO) {\n    rotateApiClientToken(id: $id, expiresAt: $expiresAt) {\n      token\n      client {\n        ...ApiClientFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      ...ApiClientFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      ...ApiClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n"): (typeof documents)["\n  query SchoolClasses($structureId: ID!) {\n    schoolClasses(structureId: $structureId) {\n      id\n      name\n      levels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportSession($id: ID!) {\n    importSession(id: $id) {\n      id\n      schoolId\n      schoolName\n      status\n      files {\n        fileName\n        kind\n        encoding\n        separator\n        rows\n        samples\n        footerSkipped\n        warnings\n      }\n      totals {\n        profile\n        created\n        modified\n        unchanged\n        transfers\n        classChanges\n        absent\n        toArbitrate\n        errors\n        warnings\n      }\n      classes {\n        operation\n        oldName\n        name\n        pupils\n      }\n      families {\n        pupilsWithoutGuardian\n        pupilsWithOneGuardian\n        pupilsWithTwoOrMoreGuardians\n        guardiansWithoutEmail\n      }\n      leavers {\n        pupils\n        relatives\n        withheld\n        confirmationRequired\n      }\n      outcome {\n        created\n        modified\n        transfers\n        leavers\n        classesCreated\n        classesRenamed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportSession($id: ID!) {\n    importSession(id: $id) {\n      id\n      schoolId\n      schoolName\n      status\n      files {\n        fileName\n        kind\n        encoding\n        separator\n        rows\n        samples\n        footerSkipped\n        warnings\n      }\n      totals {\n        profile\n        created\n        modified\n        unchanged\n        transfers\n        classChanges\n        absent\n        toArbitrate\n        errors\n        warnings\n      }\n      classes {\n        operation\n        oldName\n        name\n        pupils\n      }\n      families {\n        pupilsWithoutGuardian\n        pupilsWithOneGuardian\n        pupilsWithTwoOrMoreGuardians\n        guardiansWithoutEmail\n      }\n      leavers {\n        pupils\n        relatives\n        withheld\n        confirmationRequired\n      }\n      outcome {\n        created\n        modified\n        transfers\n        leavers\n        classesCreated\n        classesRenamed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportLines($id: ID!, $first: Int!, $offset: Int!, $operation: ImportLineOperation, $decidable: Boolean) {\n    importSession(id: $id) {\n      id\n      lines(first: $first, offset: $offset, operation: $operation, decidable: $decidable) {\n        total\n        items {\n          file\n          line\n          profile\n          operation\n          rule\n          lastName\n          firstName\n          className\n          classChange\n          candidates {\n            userId\n            label\n          }\n          changes {\n            field\n            old\n            new\n          }\n          messages\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportLines($id: ID!, $first: Int!, $offset: Int!, $operation: ImportLineOperation, $decidable: Boolean) {\n    importSession(id: $id) {\n      id\n      lines(first: $first, offset: $offset, operation: $operation, decidable: $decidable) {\n        total\n        items {\n          file\n          line\n          profile\n          operation\n          rule\n          lastName\n          firstName\n          className\n          classChange\n          candidates {\n            userId\n            label\n          }\n          changes {\n            field\n            old\n            new\n          }\n          messages\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyImport($sessionId: ID!, $resolutions: [ImportResolution!]!, $confirmLeavers: Int) {\n    applyImport(sessionId: $sessionId, resolutions: $resolutions, confirmLeavers: $confirmLeavers) {\n      created\n      modified\n      transfers\n      leavers\n      classesCreated\n      classesRenamed\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyImport($sessionId: ID!, $resolutions: [ImportResolution!]!, $confirmLeavers: Int) {\n    applyImport(sessionId: $sessionId, resolutions: $resolutions, confirmLeavers: $confirmLeavers) {\n      created\n      modified\n      transfers\n      leavers\n      classesCreated\n      classesRenamed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($sessionId: ID!) {\n    importProgress(sessionId: $sessionId) {\n      sessionId\n      phase\n      done\n      total\n    }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($sessionId: ID!) {\n    importProgress(sessionId: $sessionId) {\n      sessionId\n      phase\n      done\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMailings($first: Int!, $after: String) {\n    myMailings(first: $first, after: $after) {\n      endCursor\n      nodes {\n        ...MailingFields\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMailings($first: Int!, $after: String) {\n    myMailings(first: $first, after: $after) {\n      endCursor\n      nodes {\n        ...MailingFields\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailingRecipients($id: ID!, $status: MailingRecipientStatus, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: $status, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          status\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailingRecipients($id: ID!, $status: MailingRecipientStatus, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: $status, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          status\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailingAccounts($filter: UserFilter, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: NAME, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...UserRowFields\n          activationCode\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailingAccounts($filter: UserFilter, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: NAME, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...UserRowFields\n          activationCode\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailingSelection($filter: UserFilter) {\n    mailingSelection(filter: $filter) {\n      total\n      withoutEmail\n    }\n  }\n"): (typeof documents)["\n  query MailingSelection($filter: UserFilter) {\n    mailingSelection(filter: $filter) {\n      total\n      withoutEmail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n"): (typeof documents)["\n  query Outbox($first: Int!) {\n    outbox(first: $first) {\n      id\n      sentAt\n      recipient\n      subject\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupervisionRowFields on SupervisionRow {\n    id\n    name\n    code\n    circonscriptionId\n    students\n    studentsActivated\n    relatives\n    relativesActivated\n    teachers\n    teachersActivated\n    personnel\n    personnelActivated\n    guests\n    guestsActivated\n    pupilsCovered\n    pupilsWithoutGuardian\n    relativesWithoutEmail\n    blocked\n    predeleted\n    pendingReports\n    oldestPendingReportAt\n    absentFromFile\n    renewalCodesExpired\n    lastImportAt\n    lastImportCreated\n    lastImportModified\n    lastImportLeavers\n    unappliedImportAt\n    studentsActive7\n    studentsActive30\n    relativesActive7\n    relativesActive30\n    teachersActive7\n    teachersActive30\n  }\n"): (typeof documents)["\n  fragment SupervisionRowFields on SupervisionRow {\n    id\n    name\n    code\n    circonscriptionId\n    students\n    studentsActivated\n    relatives\n    relativesActivated\n    teachers\n    teachersActivated\n    personnel\n    personnelActivated\n    guests\n    guestsActivated\n    pupilsCovered\n    pupilsWithoutGuardian\n    relativesWithoutEmail\n    blocked\n    predeleted\n    pendingReports\n    oldestPendingReportAt\n    absentFromFile\n    renewalCodesExpired\n    lastImportAt\n    lastImportCreated\n    lastImportModified\n    lastImportLeavers\n    unappliedImportAt\n    studentsActive7\n    studentsActive30\n    relativesActive7\n    relativesActive30\n    teachersActive7\n    teachersActive30\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupervisionChanged {\n    supervisionChanged {\n      changedAt\n    }\n  }\n"): (typeof documents)["\n  subscription SupervisionChanged {\n    supervisionChanged {\n      changedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Supervision {\n    supervision {\n      updatedAt\n      activityDay\n      circonscriptions {\n        ...SupervisionRowFields\n      }\n      ecoles {\n        ...SupervisionRowFields\n      }\n      total {\n        ...SupervisionRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Supervision {\n    supervision {\n      updatedAt\n      activityDay\n      circonscriptions {\n        ...SupervisionRowFields\n      }\n      ecoles {\n        ...SupervisionRowFields\n      }\n      total {\n        ...SupervisionRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdministeredStructures {\n    structures {\n      id\n      name\n      kind\n      code\n      parentId\n    }\n  }\n"): (typeof documents)["\n  query AdministeredStructures {\n    structures {\n      id\n      name\n      kind\n      code\n      parentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchUsers($query: String!, $first: Int!) {\n    searchUsers(query: $query, first: $first) {\n      id\n      displayName\n      login\n      profile\n      activated\n      classes\n      schools\n    }\n  }\n"): (typeof documents)["\n  query SearchUsers($query: String!, $first: Int!) {\n    searchUsers(query: $query, first: $first) {\n      id\n      displayName\n      login\n      profile\n      activated\n      classes\n      schools\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserHistory($userId: ID!, $first: Int!, $after: String) {\n    auditLog(filter: { targetUserId: $userId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorLabel\n          clientAddress\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query UserHistory($userId: ID!, $first: Int!, $after: String) {\n    auditLog(filter: { targetUserId: $userId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorLabel\n          clientAddress\n          details\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserList($filter: UserFilter, $orderBy: UserOrder!, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserRowFields\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserList($filter: UserFilter, $orderBy: UserOrder!, $first: Int!, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserRowFields\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRecordFields on User {\n    id\n    firstName\n    lastName\n    displayName\n    login\n    alias\n    profile\n    status\n    activated\n    blockedUntil\n    blockedReason\n    lastLoginDay\n    email\n    mobile\n    activationCode\n    externalId\n    source\n    createdAt\n    updatedAt\n    birthDate\n    hasPhoto\n    deleteAfter\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n      kind\n      code\n    }\n    relatives {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    children {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    functions {\n      function\n      structure {\n        id\n        name\n        kind\n      }\n    }\n    communicationRules {\n      direction\n      group\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment UserRecordFields on User {\n    id\n    firstName\n    lastName\n    displayName\n    login\n    alias\n    profile\n    status\n    activated\n    blockedUntil\n    blockedReason\n    lastLoginDay\n    email\n    mobile\n    activationCode\n    externalId\n    source\n    createdAt\n    updatedAt\n    birthDate\n    hasPhoto\n    deleteAfter\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n      kind\n      code\n    }\n    relatives {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    children {\n      id\n      displayName\n      login\n      status\n      activated\n    }\n    functions {\n      function\n      structure {\n        id\n        name\n        kind\n      }\n    }\n    communicationRules {\n      direction\n      group\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLoginAlias($userId: ID!, $alias: String) {\n    setLoginAlias(userId: $userId, alias: $alias) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetLoginAlias($userId: ID!, $alias: String) {\n    setLoginAlias(userId: $userId, alias: $alias) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachToClass($userId: ID!, $classId: ID!) {\n    attachToClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation AttachToClass($userId: ID!, $classId: ID!) {\n    attachToClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachFromClass($userId: ID!, $classId: ID!) {\n    detachFromClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation DetachFromClass($userId: ID!, $classId: ID!) {\n    detachFromClass(userId: $userId, classId: $classId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRelative($studentId: ID!, $relativeId: ID!) {\n    addRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddRelative($studentId: ID!, $relativeId: ID!) {\n    addRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRelative($studentId: ID!, $relativeId: ID!) {\n    removeRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveRelative($studentId: ID!, $relativeId: ID!) {\n    removeRelative(studentId: $studentId, relativeId: $relativeId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    grantAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation GrantAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    grantAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    revokeAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAdminFunction($userId: ID!, $function: AdminFunction!, $structureId: ID) {\n    revokeAdminFunction(userId: $userId, function: $function, structureId: $structureId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUserPhoto($userId: ID!) {\n    removeUserPhoto(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveUserPhoto($userId: ID!) {\n    removeUserPhoto(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockUser($userId: ID!, $until: DateTimeISO, $reason: String) {\n    blockUser(userId: $userId, until: $until, reason: $reason) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation BlockUser($userId: ID!, $until: DateTimeISO, $reason: String) {\n    blockUser(userId: $userId, until: $until, reason: $reason) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PredeleteUser($userId: ID!) {\n    predeleteUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation PredeleteUser($userId: ID!) {\n    predeleteUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreUser($userId: ID!) {\n    restoreUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreUser($userId: ID!) {\n    restoreUser(userId: $userId) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserRecord($id: ID!) {\n    user(id: $id) {\n      ...UserRecordFields\n    }\n  }\n"): (typeof documents)["\n  query UserRecord($id: ID!) {\n    user(id: $id) {\n      ...UserRecordFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRowFields on User {\n    id\n    firstName\n    lastName\n    login\n    alias\n    profile\n    activated\n    createdAt\n    classes {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserRowFields on User {\n    id\n    firstName\n    lastName\n    login\n    alias\n    profile\n    activated\n    createdAt\n    classes {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      status\n      me {\n        ...MeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPasswordWithCode($input: ResetPasswordInput!) {\n    resetPasswordWithCode(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {\n    attachTeachersToClass(classId: $classId, userIds: $userIds) {\n      ...ClassSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation AttachTeachersToClass($classId: ID!, $userIds: [ID!]!) {\n    attachTeachersToClass(classId: $classId, userIds: $userIds) {\n      ...ClassSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassSettingsFields on SchoolClass {\n    id\n    name\n    levels\n    school {\n      id\n      name\n    }\n    pupils {\n      id\n      displayName\n      login\n      alias\n      profile\n      status\n      activated\n      lastLoginDay\n    }\n    teachers {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ClassSettingsFields on SchoolClass {\n    id\n    name\n    levels\n    school {\n      id\n      name\n    }\n    pupils {\n      id\n      displayName\n      login\n      alias\n      profile\n      status\n      activated\n      lastLoginDay\n    }\n    teachers {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      ...ClassSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query ClassSettings($id: ID!) {\n    schoolClass(id: $id) {\n      ...ClassSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolTeachers($structureId: ID!, $first: Int!, $after: String) {\n    users(filter: { profiles: [TEACHER], structureId: $structureId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          login\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolTeachers($structureId: ID!, $first: Int!, $after: String) {\n    users(filter: { profiles: [TEACHER], structureId: $structureId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          login\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment MeFields on Me {\n    id\n    login\n    alias\n    firstName\n    lastName\n    displayName\n    profile\n    home\n    functions {\n      function\n      structure {\n        id\n        kind\n        name\n        code\n      }\n    }\n    schools {\n      id\n      kind\n      name\n      code\n    }\n    classes {\n      id\n      name\n      levels\n      school {\n        id\n        name\n      }\n    }\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    ...MeFields\n  }\n}"): (typeof documents)["query Me {\n  me {\n    ...MeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxUnreadCount {\n  inbox(first: 1) {\n    unreadCount\n  }\n}\n\nsubscription InboxChanged {\n  inboxChanged {\n    unreadCount\n    message {\n      id\n      body\n      sentAt\n      read\n      sender {\n        id\n        displayName\n        profile\n      }\n    }\n  }\n}"): (typeof documents)["query InboxUnreadCount {\n  inbox(first: 1) {\n    unreadCount\n  }\n}\n\nsubscription InboxChanged {\n  inboxChanged {\n    unreadCount\n    message {\n      id\n      body\n      sentAt\n      read\n      sender {\n        id\n        displayName\n        profile\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($first: Int!, $after: String) {\n    inbox(first: $first, after: $after) {\n      unreadCount\n      messages {\n        id\n        body\n        read\n        sentAt\n        sender {\n          id\n          displayName\n          profile\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query Inbox($first: Int!, $after: String) {\n    inbox(first: $first, after: $after) {\n      unreadCount\n      messages {\n        id\n        body\n        read\n        sentAt\n        sender {\n          id\n          displayName\n          profile\n        }\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkMessageRead($messageId: ID!) {\n    markMessageRead(messageId: $messageId)\n  }\n"): (typeof documents)["\n  mutation MarkMessageRead($messageId: ID!) {\n    markMessageRead(messageId: $messageId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($query: String!, $first: Int!) {\n    contacts(query: $query, first: $first) {\n      id\n      displayName\n      person {\n        id\n        profile\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contacts($query: String!, $first: Int!) {\n    contacts(query: $query, first: $first) {\n      id\n      displayName\n      person {\n        id\n        profile\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      recipients\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      recipients\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n"): (typeof documents)["\n  query PasswordRule {\n    passwordRule {\n      text\n      minLength\n      maxLength\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailingFields on Mailing {\n    id\n    kind\n    layout\n    status\n    total\n    done\n    sent\n    failed\n    error\n    documentUrl\n  }\n"): (typeof documents)["\n  fragment MailingFields on Mailing {\n    id\n    kind\n    layout\n    status\n    total\n    done\n    sent\n    failed\n    error\n    documentUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMailing($input: CreateMailingInput!) {\n    createMailing(input: $input) {\n      ...MailingFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMailing($input: CreateMailingInput!) {\n    createMailing(input: $input) {\n      ...MailingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mailing($id: ID!) {\n    mailing(id: $id) {\n      ...MailingFields\n    }\n  }\n"): (typeof documents)["\n  query Mailing($id: ID!) {\n    mailing(id: $id) {\n      ...MailingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MailingProgress($id: ID!) {\n    mailingProgress(id: $id) {\n      ...MailingFields\n    }\n  }\n"): (typeof documents)["\n  subscription MailingProgress($id: ID!) {\n    mailingProgress(id: $id) {\n      ...MailingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailingFailures($id: ID!, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: FAILED, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailingFailures($id: ID!, $first: Int!, $after: String) {\n    mailing(id: $id) {\n      id\n      recipients(status: FAILED, first: $first, after: $after) {\n        endCursor\n        nodes {\n          userId\n          displayName\n          login\n          email\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineItemFields on TimelineItem {\n    id\n    title\n    body\n    link\n    author {\n      id\n      displayName\n      profile\n    }\n    audience\n    createdAt\n    reportedByMe\n    reportId\n    reportNotice {\n      reportId\n      audience\n      reporter {\n        id\n        displayName\n      }\n      treatedAt\n      treatedBy\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineItemFields on TimelineItem {\n    id\n    title\n    body\n    link\n    author {\n      id\n      displayName\n      profile\n    }\n    audience\n    createdAt\n    reportedByMe\n    reportId\n    reportNotice {\n      reportId\n      audience\n      reporter {\n        id\n        displayName\n      }\n      treatedAt\n      treatedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($first: Int!, $after: String) {\n    timeline(first: $first, after: $after) {\n      items {\n        ...TimelineItemFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query Timeline($first: Int!, $after: String) {\n    timeline(first: $first, after: $after) {\n      items {\n        ...TimelineItemFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TimelineChanged {\n    timelineChanged {\n      change\n      notificationId\n      item {\n        ...TimelineItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TimelineChanged {\n    timelineChanged {\n      change\n      notificationId\n      item {\n        ...TimelineItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportNotification($notificationId: ID!) {\n    reportNotification(notificationId: $notificationId) {\n      reportId\n      reportedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReportNotification($notificationId: ID!) {\n    reportNotification(notificationId: $notificationId) {\n      reportId\n      reportedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPost($input: PublishPostInput!) {\n    publishPost(input: $input) {\n      notificationId\n      recipients\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPost($input: PublishPostInput!) {\n    publishPost(input: $input) {\n      notificationId\n      recipients\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrintRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n      slipPdf\n    }\n  }\n"): (typeof documents)["\n  mutation PrintRenewalCode($userId: ID!) {\n    generateRenewalCode(userId: $userId) {\n      code\n      expiresAt\n      slipPdf\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Report {\n    id\n    status\n    notificationId\n    text\n    body\n    author {\n      id\n      displayName\n      profile\n    }\n    reporters {\n      person {\n        id\n        displayName\n        profile\n      }\n      reportedAt\n    }\n    createdAt\n    treatedAt\n    treatedBy\n  }\n"): (typeof documents)["\n  fragment ReportFields on Report {\n    id\n    status\n    notificationId\n    text\n    body\n    author {\n      id\n      displayName\n      profile\n    }\n    reporters {\n      person {\n        id\n        displayName\n        profile\n      }\n      reportedAt\n    }\n    createdAt\n    treatedAt\n    treatedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($status: ReportStatus, $first: Int!, $after: String) {\n    reports(status: $status, first: $first, after: $after) {\n      reports {\n        ...ReportFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query Reports($status: ReportStatus, $first: Int!, $after: String) {\n    reports(status: $status, first: $first, after: $after) {\n      reports {\n        ...ReportFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeepReport($reportId: ID!) {\n    keepReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation KeepReport($reportId: ID!) {\n    keepReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteReport($reportId: ID!, $blockAuthor: Boolean!, $blockUntil: DateTimeISO) {\n    deleteReport(reportId: $reportId, blockAuthor: $blockAuthor, blockUntil: $blockUntil) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteReport($reportId: ID!, $blockAuthor: Boolean!, $blockUntil: DateTimeISO) {\n    deleteReport(reportId: $reportId, blockAuthor: $blockAuthor, blockUntil: $blockUntil) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportAdded {\n    reportAdded {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  subscription ReportAdded {\n    reportAdded {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportTreated {\n    reportTreated {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  subscription ReportTreated {\n    reportTreated {\n      ...ReportFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;