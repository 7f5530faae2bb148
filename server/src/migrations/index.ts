import { Initial1764340000000 } from './1764340000000-initial';
import { Accounts1795879849596 } from './1795879849596-accounts';
import { AdminConsole1795880749914 } from './1795880749914-admin-console';
import { ScopeClosure1795881597319 } from './1795881597319-scope-closure';
import { UserSpace1795884480940 } from './1795884480940-user-space';
import { Publipostage1795889624857 } from './1795889624857-publipostage';
import { ActorCacheNotify1795900000000 } from './1795900000000-actor-cache-notify';
import { MembershipSearchKeys1795900100000 } from './1795900100000-membership-search-keys';
import { ReportNoticesOnRead1795900200000 } from './1795900200000-report-notices-on-read';
import { MailingReach1795900300000 } from './1795900300000-mailing-reach';
import { MailingOnPgBoss1796644544051 } from './1796644544051-mailing-on-pg-boss';
import { Imports1796645253569 } from './1796645253569-imports';
import { ImportApply1796646400000 } from './1796646400000-import-apply';
import { ApiClients1796646591776 } from './1796646591776-api-clients';
import { SupervisionCounts1796700000000 } from './1796700000000-supervision-counts';
import { ApiClientBuckets1796710000000 } from './1796710000000-api-client-buckets';
import { EventLog1796720000000 } from './1796720000000-event-log';
import { ActivityDays1796720000001 } from './1796720000001-activity-days';
import { KeyedNotices1796730000000 } from './1796730000000-keyed-notices';
import { ApiClientRotation1796730000001 } from './1796730000001-api-client-rotation';
import { SupervisionChanges1796730000002 } from './1796730000002-supervision-changes';
import { SupervisionTriggerLookups1796800000100 } from './1796800000100-supervision-trigger-lookups';
import { RelativeContactIndexes1796800000101 } from './1796800000101-relative-contact-indexes';
import { ImportSessionPlan1796800000102 } from './1796800000102-import-session-plan';

/** Migrations in order. A landed migration is never edited: add a new one. */
export const migrations = [Initial1764340000000, Accounts1795879849596, AdminConsole1795880749914, ScopeClosure1795881597319, UserSpace1795884480940, Publipostage1795889624857, ActorCacheNotify1795900000000, MembershipSearchKeys1795900100000, ReportNoticesOnRead1795900200000, MailingReach1795900300000, MailingOnPgBoss1796644544051, Imports1796645253569, ImportApply1796646400000, ApiClients1796646591776, SupervisionCounts1796700000000, ApiClientBuckets1796710000000, EventLog1796720000000, ActivityDays1796720000001, KeyedNotices1796730000000, ApiClientRotation1796730000001, SupervisionChanges1796730000002, SupervisionTriggerLookups1796800000100, RelativeContactIndexes1796800000101, ImportSessionPlan1796800000102];
