import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../../core/i18n/language.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { PadlockIcon } from '../../../shared/users/padlock-icon';
import type { UserRecord } from '../data/user-record.fragment';

/**
 * The status of the record's header, as the guide's fiche says it: Actif, Inactif (with the
 * padlock), « Bloqué jusqu'au … » (or until unblocked), « Pré-supprimé — suppression définitive le … ».
 */
@Component({
  selector: 'app-record-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe, PadlockIcon],
  template: `
    @switch (user().status) {
      @case ('ACTIVE') {
        <span class="state state--active">{{ 'userRecord.status.active' | transloco }}</span>
      }
      @case ('INACTIVE') {
        <span class="state state--inactive"><app-padlock-icon />{{ 'userRecord.status.inactive' | transloco }}</span>
      }
      @case ('BLOCKED') {
        <span class="state state--blocked">
          @if (user().blockedUntil; as until) {
            {{ 'userRecord.status.blockedUntil' | transloco: { date: (until | dateTime: language()) } }}
          } @else {
            {{ 'userRecord.status.blocked' | transloco }}
          }
        </span>
      }
      @case ('PREDELETED') {
        <span class="state state--blocked">
          @if (user().deleteAfter; as deleteAfter) {
            {{ 'userRecord.status.predeletedUntil' | transloco: { date: (deleteAfter | dateTime: language()) } }}
          } @else {
            {{ 'userRecord.status.predeleted' | transloco }}
          }
        </span>
      }
    }
  `,
})
export class RecordStatusBadge {
  readonly user = input.required<UserRecord>();

  protected readonly language = inject(LanguageService).current;
}
