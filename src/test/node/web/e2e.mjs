// The web app end to end in headless Debian chromium (playwright-core, executablePath), driven by
// WebAppIT, which owns the platform, the tenants, radclient, the NAS stand-in and the M-Pesa simulator.
// Protocol: JSON lines on stdout; {"step": …} says where the script is; when the Java side must act
// (send accounting, check the NAS, pay), the script waits for a file of that name in SIGNAL_DIR.
// The last line is the result: {"ok": true, …} or {"ok": false, "error": …}.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const BASE = env.BASE_URL;
const SHOTS = env.SCREENSHOTS;
const WAIT = 20_000; // the longest any one thing may take before the step fails (not a timed assertion)
const out = (o) => console.log(JSON.stringify(o));
const step = (name, extra = {}) => out({ step: name, ...extra });

async function signal(name) {
  const file = join(env.SIGNAL_DIR, name);
  const deadline = Date.now() + Number(env.TIMEOUT_MS || 90_000);
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no signal ${name} from the test`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(page, email, password) {
  await page.goto(BASE + '/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function shoot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const PAGES = [
  ['dashboard', '/', 'Dashboard'], ['packages', '/packages', 'Packages'], ['subscribers', '/subscribers', 'Subscribers'],
  ['vouchers', '/vouchers', 'Vouchers'], ['sessions', '/sessions', 'Sessions'], ['nas', '/nas', 'Routers (NAS)'],
  ['payments', '/payments', 'Payments'], ['water', '/water/dispensers', 'Water'], ['reports', '/reports', 'Reports'],
  ['staff', '/staff', 'Staff'], ['settings', '/settings', 'Settings'],
];

const pages = [];

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: env.CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const result = { ok: false };
  try {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    desktop.setDefaultTimeout(WAIT);
    const page = await desktop.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') out({ console: m.text() }); });
    pages.push(page);

    // 1. sign in
    await signIn(page, env.A_EMAIL, env.PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    step('signed-in');

    // 2. create a package; the API's field error shows next to the field first
    await page.goto(BASE + '/packages');
    await page.getByRole('button', { name: 'New package' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Price').fill('10');
    await dialog.getByRole('button', { name: 'Save package' }).click();
    const nameError = await dialog.locator('#' + (await dialog.getByLabel('Name').getAttribute('id')) + '-error').textContent();
    step('field-error', { nameError });
    await dialog.getByLabel('Name').fill(env.PACKAGE_NAME);
    await dialog.getByRole('button', { name: 'Save package' }).click();
    await page.getByTestId('packages-table').getByText(env.PACKAGE_NAME).waitFor();
    step('package-created');

    // 3. generate vouchers and open the print sheet
    await page.goto(BASE + '/vouchers');
    await page.getByRole('button', { name: 'Generate vouchers' }).click();
    const gen = page.getByRole('dialog');
    const option = await gen.getByLabel('Package').locator('option', { hasText: env.PACKAGE_NAME }).getAttribute('value');
    await gen.getByLabel('Package').selectOption(option);
    await gen.getByLabel('How many').fill('24');
    await gen.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/\/vouchers\/[0-9a-f-]{36}$/);
    await page.getByTestId('codes-table').locator('tbody tr').nth(23).waitFor();
    const codes = await page.getByTestId('codes-table').locator('tbody tr').count();
    const firstCode = (await page.getByTestId('codes-table').locator('tbody tr td').first().textContent()).trim();
    const [sheet] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-sheet').click()]);
    await sheet.waitForLoadState();
    const sheetHasCode = (await sheet.content()).includes(firstCode);
    await sheet.screenshot({ path: join(SHOTS, 'voucher-sheet.png') });
    await sheet.close();
    step('vouchers', { codes, sheetHasCode });

    // 4. a session appears on the dashboard without reload
    await page.goto(BASE + '/');
    // subscribed, not only connected: an event sent before the server confirms a channel never arrives
    await page.locator('[data-testid=live-status][data-live-topics~=sessions][data-live-topics~=payments]').waitFor();
    await page.getByTestId('online-now').waitFor();
    await page.evaluate(() => { window.__noReload = 'same document'; });
    step('dashboard-live');
    await signal('session-started');
    const row = page.getByTestId('online-sessions').locator(`[data-username="${env.SESSION_USER}"]`);
    await row.waitFor();
    const onlineNow = (await page.getByTestId('online-now').textContent()).trim();
    const sameDocument = await page.evaluate(() => window.__noReload);
    step('session-shown', { sameDocument, onlineNow });

    // 5. disconnect it from the UI: the NAS stand-in gets the Disconnect-Request (checked by the test)
    await row.getByRole('button', { name: `Disconnect ${env.SESSION_USER}` }).click();
    await page.getByText(`Disconnect ${env.SESSION_USER}: ack`).waitFor();
    step('disconnect-clicked');

    // 6. a simulated M-Pesa payment appears live
    step('await-payment');
    await signal('paid');
    const payment = page.getByTestId('recent-payments').locator('li', { hasText: env.PAYMENT_AMOUNT_TEXT });
    await payment.waitFor();
    const paymentText = (await payment.textContent()).replace(/\s+/g, ' ').trim();
    const stillSameDocument = await page.evaluate(() => window.__noReload);
    step('payment-shown', { paymentText, stillSameDocument });
    await shoot(page, 'desktop-dashboard-live');

    // the PPPoE account's page lists the bill it just paid (payments searched by its account number)
    await page.goto(BASE + '/subscribers');
    await page.getByLabel('Search subscribers').fill('E2E-ACC');
    await page.getByTestId('subscribers-table').locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('tab', { name: 'Payments' }).click();
    const subscriberPayment = (await page.getByTestId('subscriber-payments').locator('li', { hasText: '777' }).first().textContent())
      .replace(/\s+/g, ' ').trim();
    await shoot(page, 'desktop-subscriber-detail');

    // its receipt, from the payment's page: print-ready, in words, opened as the browser would (cookie session)
    await page.goto(BASE + '/payments');
    await page.getByLabel('Search payments').fill('E2E-ACC');
    await page.getByTestId('payments-table').locator('tbody tr', { hasText: '777' }).first().getByRole('link').click();
    const receiptHref = await page.getByTestId('print-receipt').getAttribute('href');
    const receiptPage = await page.context().newPage();
    await receiptPage.goto(BASE + receiptHref);
    const receiptText = (await receiptPage.locator('body').textContent()).replace(/\s+/g, ' ').trim();
    await shoot(receiptPage, 'receipt');
    await receiptPage.close();

    // 6a. record a cash payment for the hotspot package through the Payments page: the API's error for a zero
    //     amount shows next to the field, the package's price is prefilled, and the settled payment heads the list
    await page.goto(BASE + '/payments');
    await page.getByRole('button', { name: 'Record payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Record payment' });
    const payOption = await pay.getByLabel('Package').locator('option', { hasText: env.PACKAGE_NAME }).getAttribute('value');
    await pay.getByLabel('Package').selectOption(payOption);
    const prefilledAmount = await pay.getByLabel('Amount').inputValue();
    await pay.getByLabel('Phone').fill(env.CASH_PHONE);
    await pay.getByLabel('Amount').fill('0');
    await pay.getByRole('button', { name: 'Record cash' }).click();
    const amountError = (await pay.locator('#' + (await pay.getByLabel('Amount').getAttribute('id')) + '-error').textContent()).trim();
    await pay.getByLabel('Amount').fill(prefilledAmount);
    await pay.getByRole('button', { name: 'Record cash' }).click();
    const recordedNote = page.getByTestId('recorded-payment');
    await recordedNote.waitFor();
    const cashReceipt = (await recordedNote.locator('.font-mono').textContent()).trim();
    const cashRow = (await page.getByTestId('payments-table').locator(`tbody tr[data-receipt="${cashReceipt}"]`).textContent())
      .replace(/\s+/g, ' ').trim();
    const cashReceiptLink = await recordedNote.getByRole('link', { name: 'Print receipt' }).getAttribute('href');
    await shoot(page, 'desktop-payment-recorded');
    step('cash-recorded', { prefilledAmount, amountError, cashReceipt, cashRow });

    // 6a'. the hotspot user that payment made: change its MAC and expiry, see them on the page; then delete it
    await page.goto(BASE + '/subscribers');
    await page.getByLabel('Search subscribers').fill(env.CASH_PHONE);
    await page.getByTestId('subscribers-table').locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('MAC address').fill('not-a-mac');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const macError = (await edit.locator('#' + (await edit.getByLabel('MAC address').getAttribute('id')) + '-error').textContent()).trim();
    await edit.getByLabel('MAC address').fill(env.EDIT_MAC);
    await edit.getByLabel('Expires').fill('2030-01-02T03:04');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByTestId('subscriber-mac').filter({ hasText: env.EDIT_MAC }).waitFor();
    const editedMac = (await page.getByTestId('subscriber-mac').textContent()).trim();
    const editedExpires = (await page.getByTestId('subscriber-expires').textContent()).trim();
    const editedId = page.url().split('/').pop();
    await shoot(page, 'desktop-subscriber-edited');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete subscriber' }).click();
    await page.waitForURL(/\/subscribers$/);
    await page.getByText(/deleted\.$/).first().waitFor();
    step('subscriber-edited', { macError, editedMac, editedExpires, editedId });

    // 6b. water: register a dispenser (its key is shown once), add a customer and top them up in cash; the test,
    //     playing the device, signs a dispense with that key; it appears live and the statement shows the debit
    await page.goto(BASE + '/water/dispensers');
    await page.getByRole('button', { name: 'Add dispenser' }).click();
    const kiosk = page.getByRole('dialog');
    await kiosk.getByLabel('Name', { exact: true }).fill(env.KIOSK_NAME);
    await kiosk.getByLabel('Price per litre').fill('2');
    await kiosk.getByRole('button', { name: 'Save' }).click();
    const deviceKey = (await page.getByTestId('device-key-value').textContent()).trim();
    const deviceId = (await page.getByTestId('device-key').locator('code').first().textContent()).trim();
    await page.getByTestId('device-key').getByRole('button', { name: 'Done' }).click();
    await page.locator('article', { hasText: env.KIOSK_NAME }).waitFor();

    await page.goto(BASE + '/water/customers');
    await page.getByRole('button', { name: 'Add customer' }).click();
    const person = page.getByRole('dialog');
    await person.getByLabel('Name', { exact: true }).fill(env.WATER_CUSTOMER);
    await person.getByLabel('Card id').fill(env.WATER_CARD);
    await person.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: env.WATER_CUSTOMER }).click();
    await page.getByLabel('Top up amount').fill('100');
    await page.getByRole('button', { name: 'Top up' }).click();
    await page.getByTestId('water-customer').filter({ hasText: 'KES 100' }).waitFor();
    const statementUrl = page.url();

    await page.goto(BASE + '/water/transactions');
    await page.locator('[data-testid=live-status][data-live-topics~=water]').waitFor();
    step('water-ready', { deviceId, deviceKey });
    await signal('dispensed');
    const dispensed = page.getByTestId('water-transactions').locator('tbody tr', { hasText: env.KIOSK_NAME });
    await dispensed.first().waitFor();
    const dispenseRow = (await dispensed.first().textContent()).replace(/\s+/g, ' ').trim();
    await shoot(page, 'desktop-water-transactions');
    await page.goto(statementUrl);
    await page.getByTestId('water-customer').filter({ hasText: 'KES 90' }).waitFor();
    const statementRows = await page.getByTestId('water-statement').locator('tbody tr').count();
    await shoot(page, 'desktop-water-statement');

    await page.goto(BASE + '/water/tokens');
    await page.getByRole('button', { name: 'Generate tokens' }).click();
    const tokens = page.getByRole('dialog');
    await tokens.getByLabel('How many').fill('5');
    await tokens.getByLabel(/Value per token/).fill('25');
    await tokens.getByRole('button', { name: 'Generate' }).click();
    await page.getByTestId('token-batches').locator('tbody tr', { hasText: 'KES 25' }).waitFor();
    await page.goto(BASE + '/reports');
    await page.getByLabel('Report').selectOption({ label: 'Water per dispenser per day' });
    const waterReportRow = (await page.locator('tbody tr', { hasText: env.KIOSK_NAME }).first().textContent()).replace(/\s+/g, ' ').trim();
    step('water', { dispenseRow, statementRows, waterReportRow });

    // 7. screenshots of the main pages at desktop and phone width
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, storageState: await desktop.storageState(), isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(WAIT);
    const phonePage = await phone.newPage();
    const phoneOverflow = [];
    for (const [name, path, heading] of PAGES) {
      for (const [prefix, p] of [['desktop', page], ['phone', phonePage]]) {
        await p.goto(BASE + path);
        await p.getByRole('heading', { name: heading, exact: true }).first().waitFor();
        await shoot(p, `${prefix}-${name}`);
        if (prefix === 'phone') {
          // nothing may make the page wider than the phone (tables scroll inside their own box)
          const width = await p.evaluate(() => document.documentElement.scrollWidth);
          if (width > 360) phoneOverflow.push(`${name}: ${width}px`);
        }
      }
    }
    await phonePage.goto(BASE + '/payments');
    await phonePage.getByRole('button', { name: 'Record payment' }).click();
    const phoneDialog = phonePage.getByRole('dialog', { name: 'Record payment' });
    await phoneDialog.getByLabel('Amount').waitFor();
    await shoot(phonePage, 'phone-record-payment');
    const dialogWidth = await phoneDialog.evaluate((d) => Math.max(d.scrollWidth, document.documentElement.scrollWidth));
    if (dialogWidth > 360) phoneOverflow.push(`record payment dialog: ${dialogWidth}px`);
    step('screenshots');

    // 8. a tenant-A operator cannot reach tenant B's pages or data
    const operator = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    operator.setDefaultTimeout(WAIT);
    const op = await operator.newPage();
    pages.push(op);
    await signIn(op, env.OPERATOR_EMAIL, env.PASSWORD);
    await op.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await op.goto(`${BASE}/subscribers/${env.B_SUBSCRIBER_ID}`);
    await op.getByText('Not found: it may have been deleted').waitFor();
    const leakedOnPage = (await op.content()).includes(env.B_USERNAME);
    await shoot(op, 'desktop-isolation-subscriber');
    await op.goto(`${BASE}/platform/tenants`);
    await op.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const probes = await op.evaluate(async ({ bSubscriber, bSlug, bTenantId, bPackage }) => {
      const xsrf = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '');
      const get = (path, headers = {}) => fetch(path, { headers: { Accept: 'application/json', ...headers } });
      const direct = (await get(`/api/subscribers/${bSubscriber}`)).status;
      const viaHeader = await (await get(`/api/packages?q=${encodeURIComponent(bPackage)}`, { 'X-Tenant': bSlug })).json();
      const channel = (await fetch('/api/broadcasting/auth', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
        body: JSON.stringify({ socket_id: '1234.5678', channel_name: `private-tenant.${bTenantId}.sessions` }) })).status;
      const platform = (await get('/api/platform/tenants')).status;
      return { direct, packagesSeenViaXTenant: viaHeader.items.length, channel, platform };
    }, { bSubscriber: env.B_SUBSCRIBER_ID, bSlug: env.B_SLUG, bTenantId: env.B_TENANT_ID, bPackage: env.B_PACKAGE_NAME });
    step('isolation', { leakedOnPage, ...probes });

    // 8b. the operator changes their own password from the shell: a wrong current one is refused next to its field
    await op.goto(BASE + '/');
    await op.getByRole('button', { name: 'Change password' }).click();
    const pw = op.getByRole('dialog', { name: 'Change password' });
    await pw.getByLabel('Current password').fill('not-my-password');
    await pw.getByLabel('New password', { exact: true }).fill(env.NEW_PASSWORD);
    await pw.getByLabel('Repeat new password').fill(env.NEW_PASSWORD);
    await pw.getByRole('button', { name: 'Change password' }).click();
    const currentPasswordError = (await pw.locator('#' + (await pw.getByLabel('Current password').getAttribute('id')) + '-error').textContent()).trim();
    await pw.getByLabel('Current password').fill(env.PASSWORD);
    await pw.getByRole('button', { name: 'Change password' }).click();
    await op.getByText(/^Password changed\./).waitFor();
    const passwordChanged = true;
    step('password-changed', { currentPasswordError });

    // 9. the PWA: manifest, service worker, and the offline banner
    const pwa = await page.evaluate(async () => {
      const manifest = await (await fetch('/manifest.webmanifest')).json();
      const registration = await navigator.serviceWorker.ready.then((r) => !!r.active).catch(() => false);
      return { manifestName: manifest.name, icons: manifest.icons.length, serviceWorker: registration };
    });
    await desktop.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await shoot(page, 'desktop-offline');
    await desktop.setOffline(false);
    step('pwa', pwa);

    // 10. settings saved through the page: a wrong time zone is refused next to its field, a real one taken;
    //     SMS switched off (the test reads both back over the API)
    await page.goto(BASE + '/settings');
    const zoneField = page.getByRole('combobox', { name: 'Time zone' });
    await zoneField.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.locator('input[list=time-zones][aria-invalid=true]').waitFor();
    await zoneField.fill('Africa/Nairobi');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('Days now count in Africa/Nairobi.').waitFor();
    await page.getByLabel('Send SMS through').selectOption('off');
    await page.getByRole('button', { name: 'Save SMS' }).click();
    await page.getByText('SMS settings saved.').waitFor();
    await shoot(page, 'desktop-settings');
    step('settings-saved');

    Object.assign(result, { ok: true, nameError, codes, sheetHasCode, sameDocument, stillSameDocument, paymentText, onlineNow,
      deviceId, dispenseRow, statementRows, waterReportRow, subscriberPayment, receiptText, phoneOverflow,
      leakedOnPage, ...probes, ...pwa, consoleErrors, prefilledAmount, amountError, cashReceipt, cashRow, cashReceiptLink,
      macError, editedMac, editedExpires, editedId, currentPasswordError, passwordChanged });
  } catch (e) {
    result.error = String(e && e.stack || e);
    for (const [i, p] of pages.entries()) {
      // what the failing page showed, for the test report
      await p.screenshot({ path: join(SHOTS, `failure-${i}.png`), fullPage: true }).catch(() => {});
      result[`failurePage${i}`] = { url: p.url(), text: (await p.locator('body').innerText().catch(() => '')).slice(0, 1500) };
    }
  } finally {
    await browser.close().catch(() => {});
  }
  out(result);
  process.exit(result.ok ? 0 : 1);
}

main();
