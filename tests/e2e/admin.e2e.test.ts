/**
 * Administration in a real browser, in Arabic: an engineer has no Administration button; an admin
 * creates a donor organization, renames it, creates a second one and a donor account in the
 * first, sees them listed, is told why a duplicate email is refused without losing the form; the
 * new donor signs in in a second browser context and sees the new name; the admin moves the
 * account to the second organization, then disables it and its next sign-in is refused. Escape
 * closes the dialog wherever the focus is, but asks first when a form holds unsaved input. Not one
 * request leaves the machine, and the only console errors are the refusals the test provokes.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile): nothing another
 * browser test writes is seen here, nor the other way round.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, openApp, type OpenedPage, SCREENSHOTS, signIn, signOut, submitSignIn, unexpectedErrors } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
/** The whole e2e run shares one server: under load, answers take a while. */
const POLL = { timeout: 30_000 };

async function open(browser: Browser): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'ar' });
  await openApp(opened.page, marsad.url);
  return opened;
}

async function createDonorOrganization(page: Page, names: { ar: string; en: string }): Promise<void> {
  await page.getByTestId('admin-organizations-new').click();
  const form = page.locator('[data-testid="organization-form"][data-mode="new"]');
  await form.getByTestId('organization-name_ar').fill(names.ar);
  await form.getByTestId('organization-name_en').fill(names.en);
  expect(await form.getByTestId('organization-kind').inputValue()).toBe('donor');
  await form.getByTestId('organization-submit').click();
  await expect.poll(() => form.count(), POLL).toBe(0);
}

async function fillNewAccount(page: Page, account: { email: string; name: string; organization: string; password: string }): Promise<void> {
  const form = page.getByTestId('user-form');
  await form.getByTestId('user-email').fill(account.email);
  await form.getByTestId('user-display_name').fill(account.name);
  await form.getByTestId('user-role').selectOption('donor');
  await form.getByTestId('user-organization').selectOption(account.organization);
  await form.getByTestId('user-password').fill(account.password);
}

describe('administration (browser)', () => {
  const browser = chromiumForSuite();

  it('an admin creates and renames an organization, moves an account between organizations, then disables it', { timeout: 240_000 }, async () => {
    const stamp = Date.now();
    const slug = `e2e-donor-${stamp}`;
    const nameAr = `جهة مانحة للاختبار ${stamp}`;
    const renamedAr = `جهة مانحة معاد تسميتها ${stamp}`;
    const renamedEn = `E2E renamed donor ${stamp}`;
    const secondSlug = `e2e-donor-${stamp}-b`;
    const secondNameAr = `جهة مانحة ثانية للاختبار ${stamp}`;
    const email = `e2e.donor.${stamp}@example.org`;
    const password = `e2e-secret-${stamp}`;

    // Another context, for the engineer first and the new account later.
    const other = await open(browser());
    await signIn(other.page, 'engineer.damascus@marsad.demo');
    expect(await other.page.getByTestId('account-role').getAttribute('data-role')).toBe('engineer');
    expect(await other.page.getByTestId('open-admin').count()).toBe(0);
    await signOut(other.page);

    const { page, externalRequests, pageErrors } = await open(browser());
    await signIn(page, 'admin@marsad.demo');
    await page.getByTestId('open-admin').click();
    const dialog = page.getByTestId('admin-dialog');
    await dialog.waitFor();
    const usersTab = page.getByTestId('admin-tab-users');
    const organizationsTab = page.getByTestId('admin-tab-organizations');
    expect(await usersTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await page.getByTestId('admin-users-table').waitFor();

    // Right to left, ArrowLeft moves on to the next tab.
    await page.keyboard.press('ArrowLeft');
    expect(await organizationsTab.getAttribute('aria-selected')).toBe('true');
    expect(await organizationsTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await page.getByTestId('admin-panel-organizations').waitFor();
    expect(await page.getByTestId('admin-panel-users').isHidden()).toBe(true);

    // A new donor organization; the slug follows the English name until typed.
    await page.getByTestId('admin-organizations-new').click();
    const organizationForm = page.getByTestId('organization-form');
    await organizationForm.getByTestId('organization-name_ar').fill(nameAr);
    await organizationForm.getByTestId('organization-name_en').fill(`E2E donor ${stamp}`);
    expect(await organizationForm.getByTestId('organization-slug').inputValue()).toBe(slug);
    expect(await organizationForm.getByTestId('organization-kind').inputValue()).toBe('donor');
    await organizationForm.getByTestId('organization-submit').click();
    await page.getByTestId('admin-organizations-notice').waitFor();
    expect(await page.getByTestId('organization-form').count()).toBe(0);
    await page.getByTestId('admin-organizations-filter').fill(slug);
    const organizationRow = page.locator(`[data-testid="admin-organization-row"][data-slug="${slug}"]`);
    await expect.poll(() => organizationRow.count(), POLL).toBe(1);
    expect(await organizationRow.textContent()).toContain(nameAr);
    expect(await organizationRow.textContent()).toContain('جهة مانحة');

    // The admin renames it: the slug and kind are shown but stay; the public list has the new names.
    await organizationRow.getByTestId('admin-organization-edit').click();
    const organizationEdit = page.locator('[data-testid="organization-form"][data-mode="edit"]');
    expect(await organizationEdit.getByTestId('organization-slug').inputValue()).toBe(slug);
    expect(await organizationEdit.getByTestId('organization-slug').getAttribute('readonly')).not.toBeNull();
    expect(await organizationEdit.getByTestId('organization-kind').getAttribute('data-kind')).toBe('donor');
    expect(await organizationEdit.getByTestId('organization-name_ar').inputValue()).toBe(nameAr);
    await organizationEdit.getByTestId('organization-name_ar').fill(renamedAr);
    await organizationEdit.getByTestId('organization-name_en').fill(renamedEn);
    await organizationEdit.getByTestId('organization-submit').click();
    await expect.poll(() => organizationEdit.count(), POLL).toBe(0);
    expect(await page.getByTestId('admin-organizations-notice').textContent()).toContain(renamedAr);
    await expect.poll(() => organizationRow.textContent(), POLL).toContain(renamedAr);
    expect(await organizationRow.textContent()).toContain(renamedEn);
    const organizations = await getJson<{ items: { slug: string; name_ar: string; name_en: string; kind: string }[] }>(page, marsad.url, '/api/organizations');
    expect(organizations.items.find((o) => o.slug === slug)).toMatchObject({ name_ar: renamedAr, name_en: renamedEn, kind: 'donor' });

    // A second donor organization, for the account to move to.
    await createDonorOrganization(page, { ar: secondNameAr, en: `E2E donor ${stamp} B` });
    await expect.poll(() => page.locator(`[data-testid="admin-organization-row"][data-slug="${secondSlug}"]`).count(), POLL).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}admin-ar-organizations.png` });

    // A donor account in it.
    await organizationsTab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await usersTab.getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('admin-users-new').click();
    await fillNewAccount(page, { email, name: 'مانح الاختبار', organization: slug, password });
    await page.getByTestId('user-submit').click();
    await page.getByTestId('admin-users-notice').waitFor();
    expect(await page.getByTestId('admin-users-notice').textContent()).toContain(email);
    await page.getByTestId('admin-users-filter').fill(email);
    const userRow = page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
    await expect.poll(() => userRow.count(), POLL).toBe(1);
    expect(await userRow.textContent()).toContain('جهة مانحة');
    expect(await userRow.textContent()).toContain(renamedAr);
    expect(await userRow.getAttribute('data-disabled')).toBe('false');

    // The same email again: the API's reason is shown beside the form, and the input stays.
    await page.getByTestId('admin-users-new').click();
    await fillNewAccount(page, { email, name: 'مرة أخرى', organization: slug, password });
    await page.getByTestId('user-submit').click();
    const problem = page.getByTestId('user-form-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('409');
    expect(await page.getByTestId('user-form-problem-detail').textContent()).toMatch(/an account with this email already exists/);
    expect(await page.getByTestId('user-email').inputValue()).toBe(email);
    expect(await page.getByTestId('user-display_name').inputValue()).toBe('مرة أخرى');
    await page.getByTestId('admin-users-filter').fill('');
    await expect.poll(() => page.getByTestId('admin-user-row').count(), POLL).toBeGreaterThan(7);
    await page.screenshot({ path: `${SCREENSHOTS}admin-ar-accounts.png` });
    await page.getByTestId('user-cancel').click();
    expect(await page.getByTestId('user-form').count()).toBe(0);

    // The new donor signs in elsewhere and sees its organization's projects only, under its new name.
    await signIn(other.page, email, password);
    expect(await other.page.getByTestId('account-role').getAttribute('data-role')).toBe('donor');
    await expect.poll(() => other.page.getByTestId('donor-banner').textContent(), POLL).toContain(renamedAr);
    await signOut(other.page);

    // The admin moves the account to the second organization.
    await page.getByTestId('admin-users-filter').fill(email);
    await userRow.getByTestId('admin-user-edit').click();
    const editForm = page.locator('[data-testid="user-form"][data-mode="edit"]');
    expect(await editForm.getByTestId('user-organization').inputValue()).toBe(slug);
    await editForm.getByTestId('user-organization').selectOption(secondSlug);
    await editForm.getByTestId('user-submit').click();
    await expect.poll(() => editForm.count(), POLL).toBe(0);
    await expect.poll(() => userRow.textContent(), POLL).toContain(secondNameAr);
    const accounts = await getJson<{ items: { email: string; organization: string }[] }>(page, marsad.url, '/api/admin/users');
    expect(accounts.items.find((u) => u.email === email)?.organization).toBe(secondSlug);

    // The admin disables the account; its next sign-in is refused.
    await userRow.getByTestId('admin-user-edit').click();
    await editForm.getByTestId('user-disabled').check();
    await editForm.getByTestId('user-submit').click();
    await expect.poll(() => userRow.getAttribute('data-disabled'), POLL).toBe('true');
    expect(await page.getByTestId('admin-users-notice').textContent()).toContain(email);

    await submitSignIn(other.page, email, password);
    await other.page.getByTestId('sign-in-error').waitFor();
    expect(await other.page.getByTestId('sign-in-error').textContent()).toContain('Wrong email or password');
    expect(await other.page.getByTestId('account-name').count()).toBe(0);

    // An engineer's governorates are shown by name, checked, in the edit form.
    await page.getByTestId('admin-users-filter').fill('engineer.damascus@marsad.demo');
    await page.locator('[data-testid="admin-user-row"][data-email="engineer.damascus@marsad.demo"]').getByTestId('admin-user-edit').click();
    const damascus = editForm.getByTestId('user-governorates').locator('input[data-code="SY-DI"]');
    expect(await damascus.isChecked()).toBe(true);
    expect(await damascus.locator('xpath=..').textContent()).toBe('دمشق');
    await page.screenshot({ path: `${SCREENSHOTS}admin-ar-engineer.png` });
    await editForm.getByTestId('user-cancel').click();

    // Escape first empties the filter, then closes the dialog and gives the focus back to its button.
    await page.getByTestId('admin-users-filter').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('admin-users-filter').inputValue()).toBe('');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    expect(await page.getByTestId('open-admin').evaluate((button) => button === document.activeElement)).toBe(true);

    // Escape with the focus on the dialog element itself (after a click on its background) closes it too.
    await page.getByTestId('open-admin').click();
    await page.getByTestId('admin-users-table').waitFor();
    await dialog.focus();
    expect(await dialog.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);

    // With unsaved input, Escape asks first; Keep editing keeps the input, and the close button asks again.
    await page.getByTestId('open-admin').click();
    await page.getByTestId('admin-users-new').click();
    await page.getByTestId('user-display_name').fill('لم يُحفظ بعد');
    await dialog.focus();
    await page.keyboard.press('Escape');
    const closeConfirm = page.getByTestId('admin-close-confirm');
    await closeConfirm.waitFor();
    expect(await page.getByTestId('admin-close-keep').evaluate((button) => button === document.activeElement)).toBe(true);
    await page.getByTestId('admin-close-keep').click();
    expect(await closeConfirm.count()).toBe(0);
    expect(await page.getByTestId('user-display_name').inputValue()).toBe('لم يُحفظ بعد');
    await page.getByTestId('admin-close').click();
    await page.getByTestId('admin-close-discard').click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);

    expect(externalRequests).toEqual([]);
    expect(other.externalRequests).toEqual([]);
    expect(unexpectedErrors(pageErrors, 409)).toEqual([]);
    expect(unexpectedErrors(other.pageErrors, 401)).toEqual([]);
    await other.page.context().close();
    await page.context().close();
  });
});
