// Dashboard first render (issue 8 budget: < 1.5 s), measured in headless Chromium with playwright-core.
// HOOK for the SPA: run by bench/web/run.sh only when frontend/ (with playwright-core) is in the checkout.
//
//   NODE_PATH=frontend/node_modules node bench/web/first-render.mjs --url http://127.0.0.1:18078 \
//       --email scale@wificore.test --password PW [--runs 5] [--selector '[data-testid=dashboard]']
//
// Each run: a fresh browser context signs in through the API the SPA uses (GET /api/auth/csrf, then
// POST /api/auth/session with the X-XSRF-TOKEN header: the session cookie lands in the context), then opens "/"
// and waits until --selector is visible (the dashboard's figures have arrived). First render = that moment minus
// the moment navigation started. Prints p50/max over the runs and a RESULT line.
// The selector is the SPA's to name: set it (or DASHBOARD_SELECTOR) to the element the dashboard shows last.
import { createRequire } from 'node:module';

// An ES module ignores NODE_PATH: resolve playwright-core from frontend/ (its dev dependency) instead.
const { chromium } = createRequire(new URL('../../frontend/package.json', import.meta.url))('playwright-core');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
    a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url ?? 'http://127.0.0.1:18078';
const runs = Number(args.runs ?? 5);
const selector = args.selector ?? process.env.DASHBOARD_SELECTOR ?? '[data-testid=dashboard]';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'] });
// then, reported apart: until the 7-day charts have arrived too (--charts-selector)
const chartsSelector = args['charts-selector'] ?? '[data-charts=ready]';
const times = [];
const chartTimes = [];
try {
    for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const csrf = await (await context.request.get(`${url}/api/auth/csrf`)).json();
        const token = csrf.token ?? csrf.csrfToken;
        const signIn = await context.request.post(`${url}/api/auth/session`, {
            data: { email: args.email, password: args.password },
            headers: { [csrf.headerName ?? 'X-XSRF-TOKEN']: token },
        });
        if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(`${url}/`, { waitUntil: 'commit' });
        await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30000 });
        times.push(Date.now() - started);
        await page.locator(chartsSelector).first().waitFor({ state: 'visible', timeout: 30000 });
        chartTimes.push(Date.now() - started);
        await context.close();
    }
} finally {
    await browser.close();
}
times.sort((a, b) => a - b);
chartTimes.sort((a, b) => a - b);
console.log(`RESULT runs=${runs} first_render_p50_ms=${times[Math.floor((times.length - 1) / 2)]} ` +
    `first_render_max_ms=${times[times.length - 1]} charts_p50_ms=${chartTimes[Math.floor((chartTimes.length - 1) / 2)]} ` +
    `charts_max_ms=${chartTimes[chartTimes.length - 1]} (first run included: cold browser cache)`);
