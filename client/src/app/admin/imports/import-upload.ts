import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, catchError, map, throwError } from 'rxjs';

/** A refusal to show as it is: the server's message, already in the interface language. */
export class UploadRefusal extends Error {}

/**
 * `POST /imports/dry-run?ecole=<id>` with the école's files as multipart (uploads are awkward over
 * GraphQL; app/import-upload.ts). The same session cookie; the answer is the dry run's id. The
 * app's HttpClient runs on fetch, which reports no upload progress: the page says « envoi et
 * analyse » until the answer (the files are small: the server's limit is in app/import-upload.ts).
 */
@Injectable({ providedIn: 'root' })
export class ImportUpload {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);

  dryRun(schoolId: string, files: readonly File[]): Observable<string> {
    const body = new FormData();
    files.forEach((file, index) => body.append(`fichier${index + 1}`, file, file.name));
    return this.http.post<{ id: string }>(`/imports/dry-run?ecole=${encodeURIComponent(schoolId)}`, body).pipe(
      map((answer) => answer.id),
      catchError((error: unknown) => throwError(() => this.refusal(error))),
    );
  }

  private refusal(error: unknown): UploadRefusal {
    const message = error instanceof HttpErrorResponse && typeof error.error?.message === 'string' ? error.error.message : null;
    return new UploadRefusal(message ?? this.transloco.translate('errors.unreachable'));
  }
}
