/**
 * The demo facility `npm start` sets up, so the demo provider user `clinic` can redeem at once: a hospital
 * named like the user, with `clinic` linked to it unless it is linked to a facility already (someone set up
 * the demo their own way).
 */
import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/http/errors.js';
import type { ClaimsService } from './service.js';

export const DEMO_FACILITY_NAME = 'Grace Hospital';
const DEMO_PROVIDER_USER = 'clinic';

const SYSTEM: Principal = {
  subject: 'system',
  username: 'system',
  givenName: undefined,
  familyName: undefined,
  displayName: 'system',
  email: undefined,
  roles: ['program-manager'],
  nationalId: undefined,
  clientId: 'iaod-web',
};

export async function seedDemoFacility(claims: ClaimsService): Promise<'created' | 'present'> {
  const existing = await claims.listProviders(SYSTEM);
  const found = existing.find((provider) => provider.name === DEMO_FACILITY_NAME);
  const facility =
    found ??
    (await claims.registerProvider(SYSTEM, {
      name: DEMO_FACILITY_NAME,
      kind: 'hospital',
      region: 'Coast',
      paymentDetails: 'Demo bank, account 0000000000',
    }));
  // Linked once, anywhere, is enough; a provider that does not answer (503) is thrown, so the next start tries again.
  if (!existing.some((provider) => provider.users.some((user) => user.username === DEMO_PROVIDER_USER))) {
    try {
      await claims.linkProviderUser(SYSTEM, facility.id, DEMO_PROVIDER_USER);
    } catch (error) {
      // No such demo user in this realm: the facility stays, without it.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
  }
  return found ? 'present' : 'created';
}
