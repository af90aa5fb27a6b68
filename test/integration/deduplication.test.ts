/**
 * Deduplication at the first stage through the API, on a database of this file's own (the run's shared one
 * holds every other file's registrants): a clean seeded set raises nothing; seeded near-duplicates of an
 * applicant and of their child are found, exact and probable, with both sides and what matched; a labelled
 * set measures precision and recall; the officer holding the first stage merges (history kept), links as
 * one household, or dismisses with a reason, and anyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

type Body = Record<string, unknown>;
type User = 'amina' | 'samuel' | 'joy' | 'sena' | 'otto' | 'maria';
interface Person {
  kind: string;
  id: string;
  registrantId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  region: string;
  idType?: string;
  idValue?: string;
}
interface Candidate {
  kind: 'exact' | 'probable';
  score: number;
  matchedOn: string[];
  record: Person;
  match: Person;
}

/** A registrant to seed: names, birth date, region; an ID unless given. */
interface Seed {
  givenName: string;
  familyName: string;
  birthDate: string;
  region: string;
  gender?: 'female' | 'male';
  idType?: string;
  idValue?: string;
  familyMembers?: Body[];
}

let seeded = 0;

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

describe('deduplication at the first stage', () => {
  const database = `iaod_dedup_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({ env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href } });
    for (const user of ['amina', 'samuel', 'joy', 'sena', 'otto', 'maria'] as const) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await testApp.close();
    await dropDatabase(adminUrl, database);
  });

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  async function seed(person: Seed): Promise<string> {
    seeded += 1;
    const res = await api()
      .post('/api/v1/registrants')
      .set('Authorization', as('maria'))
      .send({
        idType: person.idType ?? 'PASSPORT',
        idValue: person.idValue ?? `P${String(seeded).padStart(7, '0')}`,
        givenName: person.givenName,
        familyName: person.familyName,
        gender: person.gender ?? 'female',
        birthDate: person.birthDate,
        address: { region: person.region },
        ...(person.familyMembers ? { familyMembers: person.familyMembers } : {}),
      });
    if (res.status !== 201) throw new Error(`not seeded: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function candidatesOf(applicationId: string, user: User = 'samuel'): Promise<Candidate[]> {
    const res = await api().get(`/api/v1/applications/${applicationId}/duplicates`).set('Authorization', as(user));
    expect(res.status).toBe(200);
    return res.body.candidates as Candidate[];
  }

  async function duplicatesOfRegistrant(id: string): Promise<Candidate[]> {
    const res = await api().get(`/api/v1/registrants/${id}/duplicates`).set('Authorization', as('samuel'));
    expect(res.status).toBe(200);
    return res.body.items as Candidate[];
  }

  const resolve = (applicationId: string, body: Body, user: User = 'samuel') =>
    api().post(`/api/v1/applications/${applicationId}/duplicates/resolutions`).set('Authorization', as(user)).send(body);

  // Amina (NID-1001, 1990-02-14, Coast) applies with her daughter Zawadi Yusuf (2016-06-30).
  let program: { id: string };
  let application: string;
  let amina: string;
  let zawadi: string;

  beforeAll(async () => {
    program = await createProgram(testApp.app);
    const res = await api().post('/api/v1/applications').set('Authorization', as('amina')).send(applicationFor(program.id));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    application = res.body.id as string;
    const [row] = await selectRows<{ id: string; member: string }>(
      testApp.runtime.database.sequelize,
      `SELECT r.id, m.id AS member FROM registrants r JOIN family_members m ON m.registrant_id = r.id
       WHERE r.id_type = 'NATIONAL_ID' AND r.id_value = 'NID-1001'`,
    );
    amina = present(row, "Amina's registrant").id;
    zawadi = present(row, "Amina's registrant").member;
  });

  it('raises none on a clean seeded set: namesakes born elsewhen, twins, neighbours born the same day', async () => {
    await seed({ givenName: 'Amina', familyName: 'Yusuf', birthDate: '1962-08-01', region: 'Coast' }); // her grandmother
    await seed({ givenName: 'Halima', familyName: 'Yusuf', birthDate: '1990-02-14', region: 'Coast' }); // her twin sister
    await seed({ givenName: 'Grace', familyName: 'Wanjiru', birthDate: '1990-02-14', region: 'Coast' });
    await seed({ givenName: 'Peter', familyName: 'Otieno', birthDate: '2016-06-30', region: 'Coast', gender: 'male' });
    await seed({ givenName: 'Amina', familyName: 'Yusuf', birthDate: '1975-11-23', region: 'Nairobi' });
    await seed({ givenName: 'Zawadi', familyName: 'Kamau', birthDate: '2009-03-30', region: 'Rift Valley' });

    expect(await candidatesOf(application)).toEqual([]);
    expect(await duplicatesOfRegistrant(amina)).toEqual([]);
  });

  describe('on seeded near-duplicates', () => {
    let sameId: string;
    let spelledOtherwise: string;
    let zawadiRegistered: string;
    let motherOf: string;

    beforeAll(async () => {
      // Registered again under her national ID written another way, by an officer who misspelt her name.
      sameId = await seed({
        givenName: 'Amena',
        familyName: 'Jusuf',
        birthDate: '1990-02-14',
        region: 'Coast',
        idType: 'NATIONAL_ID',
        idValue: 'nid1001',
      });
      // Registered with a passport, her name spelt with an h, her region typed in lower case with a space.
      spelledOtherwise = await seed({ givenName: 'Aminah', familyName: 'Yusuf', birthDate: '1990-02-14', region: 'coast ' });
      // Her daughter registered in her own right.
      zawadiRegistered = await seed({ givenName: 'Zawadi', familyName: 'Yusuf', birthDate: '2016-06-30', region: 'Coast' });
      // Listed as the daughter of her mother, who registered too.
      motherOf = await seed({
        givenName: 'Mariam',
        familyName: 'Yusuf',
        birthDate: '1968-05-05',
        region: 'Coast',
        familyMembers: [{ relation: 'child', givenName: 'Amina', familyName: 'Yusuf', gender: 'female', birthDate: '1990-02-14' }],
      });
    });

    it('finds each, exact and probable, applicant and family member, with both sides and what matched', async () => {
      const candidates = await candidatesOf(application);
      const found = (recordId: string, matchRegistrant: string) =>
        candidates.find((c) => c.record.id === recordId && c.match.registrantId === matchRegistrant);

      expect(found(amina, sameId)).toMatchObject({
        kind: 'exact',
        score: 1,
        matchedOn: ['id'],
        record: { kind: 'registrant', givenName: 'Amina', idType: 'NATIONAL_ID', idValue: 'NID-1001' },
        match: { kind: 'registrant', givenName: 'Amena', familyName: 'Jusuf', idValue: 'nid1001' },
      });
      const aminah = found(amina, spelledOtherwise);
      expect(aminah).toMatchObject({
        kind: 'probable',
        record: { givenName: 'Amina' },
        match: { givenName: 'Aminah', birthDate: '1990-02-14' },
      });
      expect(present(aminah, 'Aminah').matchedOn).toEqual(expect.arrayContaining(['name', 'birth-date', 'region']));
      expect(present(aminah, 'Aminah').score).toBeGreaterThanOrEqual(0.8);
      expect(found(zawadi, zawadiRegistered)).toMatchObject({
        kind: 'probable',
        score: 1,
        record: { kind: 'family-member', givenName: 'Zawadi', registrantId: amina },
        match: { kind: 'registrant', givenName: 'Zawadi' },
      });
      expect(found(amina, motherOf)).toMatchObject({
        kind: 'probable',
        score: 1,
        match: { kind: 'family-member', registrantId: motherOf },
      });
      // Nothing else: the clean set's namesakes and twin stay out.
      expect(candidates).toHaveLength(4);
      // Best first.
      expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
    });

    it("refuses the application's later officer (403) and anyone who may not see it (404); an auditor reads", async () => {
      const res = await api().get(`/api/v1/applications/${application}/duplicates`).set('Authorization', as('sena'));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ERR_DEDUP_NOT_FIRST_OFFICER');
      expect((await api().get(`/api/v1/applications/${application}/duplicates`).set('Authorization', as('joy'))).status).toBe(404);
      expect(await candidatesOf(application, 'otto')).toHaveLength(4);
      const refused = await resolve(
        application,
        {
          recordKind: 'registrant',
          recordId: amina,
          matchKind: 'registrant',
          matchId: spelledOtherwise,
          resolution: 'link-household',
        },
        'sena',
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ERR_DEDUP_NOT_FIRST_OFFICER');
      expect(
        (
          await resolve(
            application,
            { recordKind: 'registrant', recordId: amina, matchKind: 'registrant', matchId: sameId, resolution: 'dismiss', reason: 'x' },
            'joy',
          )
        ).status,
      ).toBe(404);
    });

    it('dismisses only with a reason, records who and why, and raises the pair no more', async () => {
      const listed = present(
        (await candidatesOf(application)).find((c) => c.match.registrantId === motherOf),
        'the match',
      );
      const pair = { recordKind: 'registrant', recordId: amina, matchKind: 'family-member', matchId: listed.match.id };
      const bare = await resolve(application, { ...pair, resolution: 'dismiss', reason: '   ' });
      expect(bare.status).toBe(400);
      expect(bare.body.code).toBe('ERR_DUPLICATE_REASON_REQUIRED');

      const res = await resolve(application, {
        ...pair,
        resolution: 'dismiss',
        reason: 'Her mother lists another Amina: a cousin, born the same day.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        resolution: 'dismiss',
        reason: 'Her mother lists another Amina: a cousin, born the same day.',
        resolvedBy: { displayName: expect.any(String) },
      });

      const after = await api().get(`/api/v1/applications/${application}/duplicates`).set('Authorization', as('samuel'));
      expect(after.body.candidates.some((c: Candidate) => c.match.registrantId === motherOf)).toBe(false);
      expect(after.body.resolutions).toEqual([
        expect.objectContaining({ resolution: 'dismiss', match: { kind: 'family-member', id: pair.matchId } }),
      ]);

      const again = await resolve(application, { ...pair, resolution: 'dismiss', reason: 'Twice.' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ERR_DUPLICATE_RESOLVED');
      // The event names the pair, never the reason.
      const [event] = await selectRows<{ payload: string }>(
        testApp.runtime.database.sequelize,
        `SELECT CAST(payload AS text) AS payload FROM outbox_events
         WHERE event_type = 'application.duplicate-resolved' ORDER BY id DESC LIMIT 1`,
      );
      expect(present(event, 'the event').payload).toContain(pair.matchId);
      expect(present(event, 'the event').payload).not.toContain('cousin');
    });

    it('links a family member and a registrant as one household; a family member is never merged', async () => {
      const pair = { recordKind: 'family-member', recordId: zawadi, matchKind: 'registrant', matchId: zawadiRegistered };
      const merge = await resolve(application, { ...pair, resolution: 'merge' });
      expect(merge.status).toBe(422);
      expect(merge.body.code).toBe('ERR_MERGE_NEEDS_REGISTRANTS');
      const res = await resolve(application, { ...pair, resolution: 'link-household' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ resolution: 'link-household', kind: 'probable', score: 1 });
      expect((await candidatesOf(application)).some((c) => c.record.id === zawadi)).toBe(false);
    });

    it("merges a registrant into the applicant's, keeping every earlier value in the change history", async () => {
      const res = await resolve(application, {
        recordKind: 'registrant',
        recordId: amina,
        matchKind: 'registrant',
        matchId: spelledOtherwise,
        resolution: 'merge',
      });
      expect(res.status).toBe(201);

      const merged = await api().get(`/api/v1/registrants/${spelledOtherwise}`).set('Authorization', as('samuel'));
      expect(merged.body).toMatchObject({ givenName: 'Aminah', mergedInto: amina });
      const keptHistory = await api().get(`/api/v1/registrants/${amina}/changes`).set('Authorization', as('samuel'));
      const mergeRecord = (keptHistory.body.items as Array<{ changes: Record<string, { to: Body }> }>).find(
        (c) => c.changes.merged_registrant,
      );
      expect(present(mergeRecord, 'the merge record').changes.merged_registrant?.to).toMatchObject({
        id: spelledOtherwise,
        given_name: 'Aminah',
        family_name: 'Yusuf',
        region: 'coast ',
      });
      const mergedHistory = await api().get(`/api/v1/registrants/${spelledOtherwise}/changes`).set('Authorization', as('samuel'));
      expect(mergedHistory.body.items.at(-1).changes).toEqual({ merged_into: { from: null, to: amina } });
      // A merged registrant is searched no more, and raises no candidate.
      const search = await api().get('/api/v1/registrants').query({ name: 'Aminah' }).set('Authorization', as('samuel'));
      expect(search.body.items).toEqual([]);
      expect((await candidatesOf(application)).some((c) => c.match.registrantId === spelledOtherwise)).toBe(false);
      // Merging it again is a pair resolved already.
      const again = await resolve(application, {
        recordKind: 'registrant',
        recordId: amina,
        matchKind: 'registrant',
        matchId: spelledOtherwise,
        resolution: 'merge',
      });
      expect(again.status).toBe(409);
    });

    it('answers a pair that is no candidate with 404, and bad input with a 400 problem', async () => {
      const stranger = await resolve(application, {
        recordKind: 'registrant',
        recordId: amina,
        matchKind: 'registrant',
        matchId: motherOf,
        resolution: 'link-household',
      });
      expect(stranger.status).toBe(404);
      const bad = await resolve(application, {
        recordKind: 'person',
        recordId: amina,
        matchKind: 'registrant',
        matchId: 'nope',
        resolution: 'fuse',
      });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses once the first stage is decided (409)', async () => {
      const decided = await api()
        .post(`/api/v1/applications/${application}/stages/1/decision`)
        .set('Authorization', as('samuel'))
        .send({ decision: 'approve', reasonCode: 'eligible', checklist: {} });
      expect(decided.status).toBe(201);
      const res = await resolve(application, {
        recordKind: 'registrant',
        recordId: amina,
        matchKind: 'registrant',
        matchId: sameId,
        resolution: 'link-household',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ERR_APPROVAL_NOT_CURRENT_STAGE');
    });
  });
  describe('on a labelled set', () => {
    /**
     * Each case: a base registrant and another record, labelled the same person or not. Every case lives
     * in its own region and on its own dates, so the cases do not meet; any match the search raises that
     * is not a labelled duplicate counts against precision.
     */
    interface Case {
      label: string;
      same: boolean;
      base: Seed;
      other: Seed;
      /** The other record is a family member of this registrant (the `other` seed is the member). */
      otherIsMemberOf?: Seed;
    }
    const R = (givenName: string, familyName: string, birthDate: string, region: string, extra: Partial<Seed> = {}): Seed => ({
      givenName,
      familyName,
      birthDate,
      region,
      ...extra,
    });
    const member = (who: Seed) => ({
      relation: 'spouse',
      givenName: who.givenName,
      familyName: who.familyName,
      gender: 'female',
      birthDate: who.birthDate,
    });
    const CASES: Case[] = [
      {
        label: 'one letter off in the given name',
        same: true,
        base: R('Mohamed', 'Abdi', '1981-03-04', 'Garissa'),
        other: R('Mohamad', 'Abdi', '1981-03-04', 'Garissa'),
      },
      {
        label: 'two letters swapped in the family name',
        same: true,
        base: R('Chinedu', 'Okonkwo', '1979-07-19', 'Lagos'),
        other: R('Chinedu', 'Okonkow', '1979-07-19', 'Lagos'),
      },
      {
        label: 'spelt as it sounds',
        same: true,
        base: R('Mohammed', 'Ali', '1988-11-02', 'Kano'),
        other: R('Muhammad', 'Aly', '1988-11-02', 'Kano'),
      },
      {
        label: 'day and month of birth swapped',
        same: true,
        base: R('Fatima', 'Bello', '1993-05-09', 'Kaduna'),
        other: R('Fatima', 'Bello', '1993-09-05', 'Kaduna'),
      },
      {
        label: 'birth year one off',
        same: true,
        base: R('Samuel', 'Mensah', '1970-01-15', 'Ashanti'),
        other: R('Samuel', 'Mensah', '1971-01-15', 'Ashanti'),
      },
      {
        label: 'moved to another region',
        same: true,
        base: R('Grace', 'Achieng', '1985-12-01', 'Kisumu'),
        other: R('Grace', 'Achieng', '1985-12-01', 'Turkana'),
      },
      {
        label: 'given and family name swapped',
        same: true,
        base: R('Wei', 'Chen', '1990-08-08', 'Central'),
        other: R('Chen', 'Wei', '1990-08-08', 'Central'),
      },
      {
        label: 'a middle name added',
        same: true,
        base: R('Esther', 'Nyambura', '1996-04-21', 'Nyeri'),
        other: R('Esther Wanjiku', 'Nyambura', '1996-04-21', 'Nyeri'),
      },
      {
        label: 'capitals and spaces',
        same: true,
        base: R('Ibrahim', 'Sesay', '1975-06-30', 'Bo'),
        other: R('IBRAHIM ', 'SESAY', '1975-06-30', ' bo'),
      },
      {
        label: 'one letter dropped',
        same: true,
        base: R('Amadou', 'Diallo', '1986-01-20', 'Conakry'),
        other: R('Amadou', 'Dialo', '1986-01-20', 'Conakry'),
      },
      {
        label: 'day and month swapped again',
        same: true,
        base: R('Blessing', 'Okafor', '1995-10-03', 'Anambra'),
        other: R('Blessing', 'Okafor', '1995-03-10', 'Anambra'),
      },
      {
        label: 'the same ID written otherwise, another name',
        same: true,
        base: R('Joseph', 'Kariuki', '1966-02-11', "Murang'a", { idType: 'BIRTH_CERTIFICATE', idValue: 'BC-778899' }),
        other: R('Joe', 'Kariuki', '1967-08-30', 'Nairobi West', { idType: 'BIRTH_CERTIFICATE', idValue: 'bc778899' }),
      },
      {
        label: 'listed as the spouse of another registrant',
        same: true,
        base: R('Aisha', 'Kamara', '2001-02-28', 'Kenema'),
        other: R('Aisha', 'Kamara', '2001-02-28', 'Kenema'),
        otherIsMemberOf: R('Musa', 'Kamara', '1999-09-19', 'Kenema', { gender: 'male' }),
      },
      {
        label: 'a nickname and a day off',
        same: true,
        base: R('Ekaterina', 'Ivanova', '1983-10-10', 'Odessa'),
        other: R('Katya', 'Ivanova', '1983-10-11', 'Odessa'),
      },
      {
        label: 'twins of unlike names',
        same: false,
        base: R('Kofi', 'Mensah', '1992-03-03', 'Volta', { gender: 'male' }),
        other: R('Kwame', 'Mensah', '1992-03-03', 'Volta', { gender: 'male' }),
      },
      {
        label: 'twins whose names sound alike',
        same: false,
        base: R('Hassan', 'Ali', '1987-09-09', 'Banadir', { gender: 'male' }),
        other: R('Hussein', 'Ali', '1987-09-09', 'Banadir', { gender: 'male' }),
      },
      {
        label: 'a mother and a daughter of one name',
        same: false,
        base: R('Miriam', 'Cohen', '1960-06-16', 'Haifa'),
        other: R('Miriam', 'Cohen', '1990-06-16', 'Haifa'),
      },
      {
        label: 'twins, P-names',
        same: false,
        base: R('Peter', 'Njoroge', '1984-02-02', 'Nakuru', { gender: 'male' }),
        other: R('Paul', 'Njoroge', '1984-02-02', 'Nakuru', { gender: 'male' }),
      },
      {
        label: 'born the same day in the same region',
        same: false,
        base: R('Joseph', 'Mwangi', '2000-10-10', 'Kericho', { gender: 'male' }),
        other: R('Lucy', 'Chebet', '2000-10-10', 'Kericho'),
      },
      {
        label: 'namesakes of other ages and regions',
        same: false,
        base: R('Daniel', 'Kiprop', '1965-03-12', 'Baringo', { gender: 'male' }),
        other: R('Daniel', 'Kiprop', '1998-07-25', 'Nandi', { gender: 'male' }),
      },
      {
        label: 'one given name, two family names',
        same: false,
        base: R('Moses', 'Otieno', '1989-06-06', 'Homa Bay', { gender: 'male' }),
        other: R('Moses', 'Odhiambo', '1989-06-06', 'Homa Bay', { gender: 'male' }),
      },
      {
        label: 'short names a letter apart',
        same: false,
        base: R('Li', 'Na', '1992-09-19', 'Hubei'),
        other: R('Li', 'Ning', '1992-09-19', 'Hubei'),
      },
      {
        label: 'a cousin a month younger',
        same: false,
        base: R('Ruth', 'Wairimu', '1997-01-05', 'Kirinyaga'),
        other: R('Rose', 'Wairimu', '1997-02-05', 'Kirinyaga'),
      },
      {
        label: 'the same given name in the household',
        same: false,
        base: R('Ahmed', 'Yusuf', '1972-12-24', 'Mandera', { gender: 'male' }),
        other: R('Ahmed', 'Noor', '1972-12-24', 'Mandera', { gender: 'male' }),
      },
    ];

    it('finds duplicates with precision and recall of at least 0.9', async () => {
      const rows: Array<{ label: string; same: boolean; raised: boolean }> = [];
      let falseAlarms = 0;
      for (const c of CASES) {
        const base = await seed(c.base);
        const other = c.otherIsMemberOf ? await seed({ ...c.otherIsMemberOf, familyMembers: [member(c.other)] }) : await seed(c.other);
        const found = await duplicatesOfRegistrant(base);
        const raised = found.some((m) => m.match.registrantId === other);
        // Anything else raised is a match between cases that are strangers: a false alarm.
        falseAlarms += found.filter((m) => m.match.registrantId !== other).length;
        rows.push({ label: c.label, same: c.same, raised });
      }
      const truePositives = rows.filter((r) => r.same && r.raised).length;
      const falsePositives = rows.filter((r) => !r.same && r.raised).length + falseAlarms;
      const falseNegatives = rows.filter((r) => r.same && !r.raised).length;
      const precision = truePositives / (truePositives + falsePositives);
      const recall = truePositives / (truePositives + falseNegatives);
      const wrong = rows.filter((r) => r.same !== r.raised).map((r) => `${r.same ? 'missed' : 'raised'}: ${r.label}`);
      process.stdout.write(
        `dedup labelled set: ${rows.filter((r) => r.same).length} duplicates, ${rows.filter((r) => !r.same).length} distinct pairs; ` +
          `TP ${truePositives}, FP ${falsePositives}, FN ${falseNegatives}; ` +
          `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}\n` +
          wrong.map((w) => `  ${w}\n`).join(''),
      );
      expect(precision).toBeGreaterThanOrEqual(0.9);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    });
  });
});
