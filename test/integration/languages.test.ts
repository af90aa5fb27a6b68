/**
 * The language a person reads: chosen from Accept-Language, switched on any page and remembered (a cookie
 * signed out, the saved preferences signed in), with right-to-left Arabic, and the API's problems in it too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import type { PAGE_LANGUAGES } from '../../src/platform/i18n/languages.js';
import { LANGUAGE_COOKIE } from '../../src/platform/web/page-language.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

describe('the language of the pages and of the API', () => {
  let testApp: TestApp;
  const messages = loadMessages('locales');
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const heading = (language: (typeof PAGE_LANGUAGES)[number]) => messages.translatorFor(language)('home.anonymous.heading');

  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.5', 'fr', 'ltr'],
    ['ar-EG', 'ar', 'rtl'],
    ['de-DE', 'en', 'ltr'],
    ['en-US,ar;q=0.8', 'en', 'ltr'],
  ] as const)('answers Accept-Language %s with the home page in %s (%s)', async (accept, language, dir) => {
    const response = await request(testApp.app).get('/').set('Accept-Language', accept).expect(200);
    expect(response.text).toContain(`<html lang="${language}" dir="${dir}">`);
    expect(response.text).toContain(heading(language));
    expect(response.headers['content-language']).toBe(language);
    expect(response.headers.vary).toMatch(/Accept-Language/i);
  });

  it('remembers a switch on this browser (a cookie) over what the browser asks for', async () => {
    const agent = request.agent(testApp.app);
    const switched = await agent.post('/language').type('form').send({ language: 'ar', returnTo: '/problems' }).expect(303);
    expect(switched.headers.location).toBe('/problems');
    expect(String(switched.headers['set-cookie'])).toContain(`${LANGUAGE_COOKIE}=ar`);
    const page = await agent.get('/problems').set('Accept-Language', 'fr').expect(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain(messages.translatorFor('ar')('problems.heading'));
  });

  it('refuses to send the switch anywhere but a path of this site, and ignores a language it does not have', async () => {
    const offsite = await request(testApp.app)
      .post('/language')
      .type('form')
      .send({ language: 'fr', returnTo: 'https://evil.example/' })
      .expect(303);
    expect(offsite.headers.location).toBe('/');
    const unknown = await request(testApp.app).post('/language').type('form').send({ language: 'xx', returnTo: '/' }).expect(303);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('offers every language on every page, each named in itself, the current one marked', async () => {
    const page = await request(testApp.app).get('/').set('Accept-Language', 'fr').expect(200);
    expect(page.text).toMatch(/<span class="language current" lang="fr" aria-current="true">Français<\/span>/);
    expect(page.text).toMatch(/<button [^>]*value="ar" lang="ar">العربية<\/button>/);
    expect(page.text).toMatch(/<button [^>]*value="en" lang="en">English<\/button>/);
  });

  it("writes the API's problem documents in the Accept-Language, naming the refused fields", async () => {
    const token = await tokenFor('amina');
    const response = await request(testApp.app)
      .put('/api/v1/me/preferences')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'fr')
      .send({ language: 'klingon', contactChannel: 'email' })
      .expect(400);
    expect(response.headers['content-language']).toBe('fr');
    expect(response.body.title).toBe(messages.translatorFor('fr')('problem.ERR_VALIDATION.title'));
    expect(response.body.detail).toBe(messages.translatorFor('fr')('problem.ERR_VALIDATION.explanation'));
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/language' })]));
    const english = await request(testApp.app)
      .put('/api/v1/me/preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ language: 'klingon', contactChannel: 'email' })
      .expect(400);
    expect(english.body.detail).toContain('/body/language');
  });

  it('shows a page error in the page language', async () => {
    const page = await request(testApp.app).get('/no-such-page').set('Accept-Language', 'ar').set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain(messages.translatorFor('ar')('problem.ERR_NOT_FOUND.title'));
    expect(page.text).toContain(messages.translatorFor('ar')('error.backHome'));
  });
});
