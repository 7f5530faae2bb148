import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from './language.service';

/** The server translates its error messages: tell it the language of the interface on every request. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = inject(LanguageService).current();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
