/** What the voucher pages share: the services they act through. */
import type { ProgramsService } from '../../modules/programs/index.js';
import type { VouchersService } from '../../modules/vouchers/index.js';
import type { Messages } from '../../platform/i18n/catalogs.js';

export interface VoucherPagesOptions {
  vouchers: VouchersService;
  programs: ProgramsService;
  /** Every language's words: a PDF in a language its fonts cannot print is made in English. */
  messages: Messages;
}
