import { defaultLimits, LoginThrottle } from '../../platform/auth/login-throttle';
import type { DomainModule } from '../../platform/module/domain-module';
import { AccountsResolver } from './accounts.resolver';
import { ActivationService } from './activation.service';
import { AuthenticationService } from './authentication.service';
import { BlockingService } from './blocking.service';
import { MeService } from './me.service';
import { OperatorAccountsService } from './operator-accounts.service';
import { RenewalCodeEntity } from './renewal-code.entity';
import { RenewalService } from './renewal.service';
import { SessionResolver } from './session.resolver';

/** Signing in and out, activation, renewal codes, blocking, the operator's accounts. */
export const accountsModule: DomainModule = {
  name: 'accounts',
  entities: [RenewalCodeEntity],
  resolvers: [SessionResolver, AccountsResolver],
  createServices: (services, { config, dataSource, events, throttleLimits }): AccountsServices => {
    const authentication = new AuthenticationService(dataSource, services.sessions, services.secretBox, new LoginThrottle(dataSource, throttleLimits ?? defaultLimits), events);
    return {
      me: new MeService(dataSource, services.directory),
      authentication,
      activation: new ActivationService(dataSource, authentication, services.audit, config),
      renewal: new RenewalService(dataSource, authentication, services.audit, services.mailer, { ttlHours: config.renewalCodeTtlHours, publicUrl: config.publicUrl }),
      blocking: new BlockingService(dataSource, services.audit, events),
      operatorAccounts: new OperatorAccountsService(dataSource, services.audit),
    };
  },
  recurringJobs: (services) => [
    { name: 'sessions.purge-expired', cron: '17 * * * *', run: () => services.sessions.purgeExpired() },
    {
      name: 'accounts.clear-expired-blocks',
      cron: '* * * * *',
      run: async () => {
        await services.blocking.clearExpiredBlocks();
      },
    },
  ],
};

export interface AccountsServices {
  me: MeService;
  authentication: AuthenticationService;
  activation: ActivationService;
  renewal: RenewalService;
  blocking: BlockingService;
  operatorAccounts: OperatorAccountsService;
}

declare module '../../platform/context/services' {
  interface Services extends AccountsServices {}
}

export { FormErrors, normaliseEmail } from './account-form';
export type { ClientInfo } from './authentication.service';
export { BlockingService } from './blocking.service';
export { RenewalCodeView } from './accounts.types';
