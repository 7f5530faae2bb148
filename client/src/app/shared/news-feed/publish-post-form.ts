import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { AudienceKind } from '../../core/graphql/generated/graphql';
import { ErrorSummary } from '../forms/error-summary';
import { FieldError } from '../forms/field-error';
import { FormErrors } from '../forms/form-errors';
import { FormSubmission } from '../forms/form-submission';
import { PUBLISH_POST_MUTATION } from './data/timeline.operations';

interface AudienceOption {
  /** `CLASS:<id>` or `SCHOOL:<id>`. */
  readonly value: string;
  readonly kind: AudienceKind;
  readonly id: string;
  readonly labelKey: string;
  readonly name: string;
}

/**
 * « Publier une actualité » to one of my classes or my école (teachers and staff; a pupil to their
 * classes only, as the server enforces; the page hides it from parents and guests). Server field
 * errors under each field and in the summary; a success is handed to the feed (`published`), which
 * folds the form and announces how many received it.
 */
@Component({
  selector: 'app-publish-post-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FieldError],
  styles: `
    .publish-post__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
  `,
  template: `
    <section class="publish-post stack" aria-labelledby="publish-post-title">
      <h3 id="publish-post-title">{{ 'newsFeed.publish.title' | transloco }}</h3>
      <app-error-summary [errors]="errors" />
      <form class="stack" [formGroup]="form" (ngSubmit)="publish()" novalidate>
        <div class="field">
          <label class="field__label" for="publish-audience">{{ 'newsFeed.publish.audience' | transloco }}</label>
          <select
            #audienceField
            id="publish-audience"
            class="field__input"
            formControlName="audience"
            [attr.aria-invalid]="errors.invalid('audienceId')"
            [attr.aria-describedby]="errors.describedBy('audienceId')"
          >
            @for (option of audiences(); track option.value) {
              <option [value]="option.value">{{ option.labelKey | transloco: { name: option.name } }}</option>
            }
          </select>
          <app-field-error [errorId]="errors.errorId('audienceId')" [message]="errors.of('audienceId')" />
        </div>
        <div class="field">
          <label class="field__label" for="publish-title">{{ 'newsFeed.publish.postTitle' | transloco }}</label>
          <input
            id="publish-title"
            class="field__input"
            type="text"
            formControlName="title"
            autocomplete="off"
            required
            [attr.aria-invalid]="errors.invalid('title')"
            [attr.aria-describedby]="errors.describedBy('title', 'publish-title-hint')"
          />
          <p id="publish-title-hint" class="field__hint">{{ 'newsFeed.publish.titleHint' | transloco }}</p>
          <app-field-error [errorId]="errors.errorId('title')" [message]="errors.of('title')" />
        </div>
        <div class="field">
          <label class="field__label" for="publish-body">{{ 'newsFeed.publish.body' | transloco }}</label>
          <textarea
            id="publish-body"
            class="field__input"
            rows="5"
            formControlName="body"
            required
            [attr.aria-invalid]="errors.invalid('body')"
            [attr.aria-describedby]="errors.describedBy('body', 'publish-body-hint')"
          ></textarea>
          <p id="publish-body-hint" class="field__hint">{{ 'newsFeed.publish.bodyHint' | transloco }}</p>
          <app-field-error [errorId]="errors.errorId('body')" [message]="errors.of('body')" />
        </div>
        <div class="field">
          <label class="field__label" for="publish-link">{{ 'newsFeed.publish.link' | transloco }}</label>
          <input
            id="publish-link"
            class="field__input"
            type="url"
            inputmode="url"
            formControlName="link"
            autocomplete="url"
            [attr.aria-invalid]="errors.invalid('link')"
            [attr.aria-describedby]="errors.describedBy('link', 'publish-link-hint')"
          />
          <p id="publish-link-hint" class="field__hint">{{ 'newsFeed.publish.linkHint' | transloco }}</p>
          <app-field-error [errorId]="errors.errorId('link')" [message]="errors.of('link')" />
        </div>
        <div class="publish-post__actions">
          <button type="submit" class="button button--primary" [attr.aria-busy]="submission.pending()">
            {{ 'newsFeed.publish.submit' | transloco }}
          </button>
          <button type="button" class="button button--secondary" (click)="closed.emit()">
            {{ 'newsFeed.publish.cancel' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class PublishPostForm {
  private readonly apollo = inject(Apollo);
  private readonly user = inject(AuthService).currentUser;
  private readonly summary = viewChild.required(ErrorSummary);
  private readonly audienceField = viewChild.required<ElementRef<HTMLSelectElement>>('audienceField');

  /** Published: how many timelines received it. */
  readonly published = output<number>();
  /** « Fermer le formulaire » (what was typed stays for next time). */
  readonly closed = output<void>();

  protected readonly audiences = computed<AudienceOption[]>(() => {
    const user = this.user();
    if (!user) {
      return [];
    }
    return [
      ...user.classes.map((schoolClass) => ({
        value: `CLASS:${schoolClass.id}`,
        kind: 'CLASS' as const,
        id: schoolClass.id,
        labelKey: 'newsFeed.publish.classOption',
        name: schoolClass.name,
      })),
      // The whole école is an audience for adults only.
      ...(user.profile === 'STUDENT' ? [] : user.schools).map((school) => ({
        value: `SCHOOL:${school.id}`,
        kind: 'SCHOOL' as const,
        id: school.id,
        labelKey: 'newsFeed.publish.schoolOption',
        name: school.name,
      })),
    ];
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    audience: [this.audiences()[0]?.value ?? ''],
    title: [''],
    body: [''],
    link: [''],
  });
  protected readonly errors = new FormErrors([
    { name: 'audienceId', inputId: 'publish-audience', labelKey: 'newsFeed.publish.audience' },
    { name: 'title', inputId: 'publish-title', labelKey: 'newsFeed.publish.postTitle' },
    { name: 'body', inputId: 'publish-body', labelKey: 'newsFeed.publish.body' },
    { name: 'link', inputId: 'publish-link', labelKey: 'newsFeed.publish.link' },
  ]);
  protected readonly submission = new FormSubmission(this.errors, this.summary);
  focus(): void {
    this.audienceField().nativeElement.focus();
  }

  protected async publish(): Promise<void> {
    if (this.submission.pending()) {
      return;
    }
    const value = this.form.getRawValue();
    const audience = this.audiences().find((option) => option.value === value.audience);
    const filled = this.submission.checkFilled({
      audienceId: [!audience, 'newsFeed.publish.audienceMissing'],
      title: [value.title.trim() === '', 'newsFeed.publish.titleMissing'],
      body: [value.body.trim() === '', 'newsFeed.publish.bodyMissing'],
    });
    if (!filled || !audience) {
      return;
    }
    const link = value.link.trim();
    await this.submission.run(
      async () => {
        const result = await firstValueFrom(
          this.apollo.mutate({
            mutation: PUBLISH_POST_MUTATION,
            variables: {
              input: { audience: audience.kind, audienceId: audience.id, title: value.title, body: value.body, link: link || null },
            },
          }),
        );
        const recipients = result.data?.publishPost.recipients ?? 0;
        this.form.reset({ audience: value.audience, title: '', body: '', link: '' });
        this.published.emit(recipients);
      },
      (error) => {
        // The server may name the audience field either way: both land on the select.
        const { audience: audienceError, ...fields } = error.fields;
        return audienceError && !fields['audienceId'] ? { ...fields, audienceId: audienceError } : fields;
      },
    );
  }
}
