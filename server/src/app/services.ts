import { DataSource } from 'typeorm';
import { AuthenticationService } from '../modules/accounts/authentication.service';
import { MeService } from '../modules/accounts/me.service';
import { OperatorAccountsService } from '../modules/accounts/operator-accounts.service';
import { AuditService } from '../modules/audit/audit.service';
import { DirectoryService } from '../modules/directory/directory.service';
import { Config } from '../platform/config/config';
import { SessionCookies } from '../platform/auth/session-cookie';
import { SessionService } from '../platform/auth/session.service';
import { SecretBox } from '../platform/crypto/secret-box';

/** The service graph, built once at start; resolvers reach it through the request context. */
export function createServices(config: Config, dataSource: DataSource) {
  const secretBox = SecretBox.fromConfig(config.secretKey, config.dataDir);
  const sessions = new SessionService(dataSource, config.sessionTtlHours);
  const directory = new DirectoryService(dataSource);
  const audit = new AuditService(dataSource);
  return {
    config,
    dataSource,
    secretBox,
    sessions,
    cookies: new SessionCookies(config.secureCookies),
    directory,
    me: new MeService(dataSource, directory),
    audit,
    authentication: new AuthenticationService(dataSource, sessions, secretBox),
    operatorAccounts: new OperatorAccountsService(dataSource, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
