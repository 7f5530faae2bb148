import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Sensitive } from '../../platform/auth/integration-fields';
import { renderRenewalSlip } from '../../documents/renewal-slip';
import type { RequestContext } from '../../platform/context/request-context';
import { RenewalCodeView } from '../accounts';

/**
 * « Imprimer pour l'élève »: a renewal code printed as a slip for a young pupil. The code is shown
 * once and stored hashed, so the slip can only be made with the code's generation: a field of
 * `generateRenewalCode`'s answer, printed (Chromium, the sheets' printer) only when asked for.
 */
@Resolver(() => RenewalCodeView)
export class RenewalSlipResolver {
  @Sensitive()
  @FieldResolver(() => String, {
    description: "« Imprimer pour l'élève »: the code as a slip to cut out (A4 PDF, base64). Ask for it in `generateRenewalCode` only when printing.",
  })
  async slipPdf(@Root() renewal: RenewalCodeView, @Ctx() ctx: RequestContext): Promise<string> {
    const html = renderRenewalSlip({ ...renewal.holder, code: renewal.code, expiresAt: renewal.expiresAt }, ctx.services.config.publicUrl);
    return Buffer.from(await ctx.services.printer.printHtml(html)).toString('base64');
  }
}
