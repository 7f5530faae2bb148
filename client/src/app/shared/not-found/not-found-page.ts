import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'app-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <div class="page-header">
      <h1>{{ 'notFound.title' | transloco }}</h1>
    </div>
    <div class="card stack">
      <p>{{ 'notFound.message' | transloco }}</p>
      <p>
        <a routerLink="/"><span aria-hidden="true">← </span>{{ 'notFound.back' | transloco }}</a>
      </p>
    </div>
  `,
})
export default class NotFoundPage {}
